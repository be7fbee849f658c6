package dk.stafet.service.medcom;

import dk.stafet.service.problem.Problem;
import dk.stafet.service.security.CallerRoles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The validation fast path's alarms for coordinators ({@link ValidationAlarms}): list the open
 * ones, acknowledge one. No patient data (message types and element paths only); anyone but a
 * coordinator gets 403, and the refusal is audited.
 */
@Path("/api/validation-alarms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Validation alarms",
    description =
        "Messages the compiled validation fast path accepted and HAPI rejects (coordinators)")
public class ValidationAlarmResource {

  static final String RESOURCE = "VALIDATION_ALARM";

  private final CallerRoles roles;
  private final ValidationAlarms alarms;

  public ValidationAlarmResource(CallerRoles roles, ValidationAlarms alarms) {
    this.roles = roles;
    this.alarms = alarms;
  }

  @GET
  @Operation(summary = "Open validation alarms, newest first (at most 100)")
  public RestResponse<?> open() {
    String sor = coordinator("READ_VALIDATION_ALARMS");
    return sor == null ? forbidden() : RestResponse.ok(alarms.open());
  }

  @POST
  @Path("/{id}/acknowledge")
  @Operation(
      summary = "Mark an open validation alarm as seen (kept with the coordinator's SOR code)")
  public RestResponse<?> acknowledge(@PathParam("id") long id) {
    String sor = coordinator("ACKNOWLEDGE_VALIDATION_ALARM");
    if (sor == null) {
      return forbidden();
    }
    if (alarms.acknowledge(id, sor).isEmpty()) {
      return Problem.of(404, "NOT_FOUND", "no open validation alarm " + id).response();
    }
    return RestResponse.noContent();
  }

  /** The caller's SOR code if it is a coordinator; null (the refusal audited) otherwise. */
  private String coordinator(String action) {
    return roles.coordinatorOrAuditedRefusal(action, RESOURCE);
  }

  private static RestResponse<?> forbidden() {
    return Problem.of(
            403,
            "COORDINATORS_ONLY",
            "validation alarms are for course coordinators and operations")
        .response();
  }
}
