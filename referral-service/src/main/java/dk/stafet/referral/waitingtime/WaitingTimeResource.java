package dk.stafet.referral.waitingtime;

import dk.stafet.service.problem.Problem;
import dk.stafet.service.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maximum waiting times of open referrals (domain brief §8), for course coordinators. */
@Path("/api/referrals/waiting-times")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Waiting times",
    description = "Open referrals against their maximum waiting times W1–W8")
public class WaitingTimeResource {

  private final WaitingTimeService service;
  private final Caller caller;

  public WaitingTimeResource(WaitingTimeService service, Caller caller) {
    this.service = service;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary =
          "Open referrals with a waiting-time rule: rule, received, deadline, days left, status "
              + "(course coordinators only; each listed referral is audited)")
  public List<WaitingTimeView> list(
      @Parameter(description = "warning, exceeded or all (default)") @QueryParam("status")
          String status) {
    String callerSor = caller.requireOrganisation();
    WaitingTimeService.Filter filter;
    try {
      filter = WaitingTimeService.Filter.parse(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidFilterException();
    }
    return service.list(callerSor, filter);
  }

  @GET
  @Path("/summary")
  @Operation(
      summary =
          "How many open referrals are pending, on track, near (warning) or over (exceeded) their maximum "
              + "waiting time, and how many alerts were raised (course coordinators only; counts, no patient data)")
  public WaitingTimeSummary summary() {
    return service.summary(caller.requireOrganisation());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidFilter(InvalidFilterException e) {
    return Problem.of(400, "INVALID_PARAMETER", "Invalid parameter", e.getMessage()).response();
  }

  static final class InvalidFilterException extends RuntimeException {
    InvalidFilterException() {
      super("status must be warning, exceeded or all", null, false, false);
    }
  }
}
