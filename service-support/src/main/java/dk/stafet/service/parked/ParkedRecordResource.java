package dk.stafet.service.parked;

import dk.stafet.service.problem.Problem;
import dk.stafet.service.security.CallerRoles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Parked records for coordinators (docs/reliability.md, "Nothing parked unseen"): list, inspect,
 * replay to the original topic once the cause is fixed, or dismiss with a reason. The same in every
 * service that dead-letters; anyone but a coordinator gets 403 (and the refusal is audited).
 */
@Path("/api/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Parked records",
    description = "Records a consumer could not apply: see, replay, dismiss (coordinators)")
public class ParkedRecordResource {

  private final CallerRoles roles;
  private final ParkedRecords parked;

  public ParkedRecordResource(CallerRoles roles, ParkedRecords parked) {
    this.roles = roles;
    this.parked = parked;
  }

  /** The body of a dismissal. */
  public record Dismissal(String reason) {}

  @GET
  @Operation(
      summary =
          "Parked records, newest first (state=PARKED|REPLAYED|DISMISSED; all when left out; at most 500)")
  public RestResponse<?> list(@QueryParam("state") String state) {
    String sor = coordinator();
    if (sor == null) {
      return forbidden();
    }
    ParkedRecord.State wanted;
    try {
      wanted =
          state == null || state.isBlank()
              ? null
              : ParkedRecord.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Problem.of(400, "INVALID_STATE", "state is one of PARKED, REPLAYED, DISMISSED")
          .response();
    }
    return RestResponse.ok(parked.list(sor, wanted));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One parked record with its Kafka headers (masked); never the payload")
  public RestResponse<?> one(@PathParam("id") long id) {
    String sor = coordinator();
    return sor == null ? forbidden() : found(id, () -> parked.find(sor, id));
  }

  @POST
  @Path("/{id}/replay")
  @Operation(
      summary =
          "Re-publish the original record (key, value, headers) to its original topic; mark it replayed")
  public RestResponse<?> replay(@PathParam("id") long id) {
    String sor = coordinator();
    if (sor == null) {
      return forbidden();
    }
    try {
      return recounted(found(id, () -> parked.replay(sor, id)));
    } catch (ParkedRecords.NotParkedException e) {
      return Problem.of(409, "NOT_PARKED", e.getMessage()).response();
    } catch (ReplayPublisher.ReplayFailedException e) {
      return RestResponse.ResponseBuilder.<Problem>create(503)
          .entity(Problem.of(503, "REPLAY_FAILED", e.getMessage()))
          .type(Problem.MEDIA_TYPE)
          .header("Retry-After", "30")
          .build();
    }
  }

  @POST
  @Path("/{id}/dismiss")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give up on a parked record, with a reason (kept and audited)")
  public RestResponse<?> dismiss(@PathParam("id") long id, Dismissal dismissal) {
    String sor = coordinator();
    if (sor == null) {
      return forbidden();
    }
    if (dismissal == null || dismissal.reason() == null || dismissal.reason().isBlank()) {
      return Problem.of(422, "REASON_REQUIRED", "a dismissal needs a reason").response();
    }
    try {
      return recounted(found(id, () -> parked.dismiss(sor, id, dismissal.reason().trim())));
    } catch (ParkedRecords.NotParkedException e) {
      return Problem.of(409, "NOT_PARKED", e.getMessage()).response();
    }
  }

  /** The caller's SOR code if it is a coordinator; null (the refusal audited) otherwise. */
  private String coordinator() {
    return roles.coordinatorOrAuditedRefusal(ParkedRecords.READ, ParkedRecords.RESOURCE);
  }

  private static RestResponse<?> forbidden() {
    return Problem.of(
            403, "COORDINATORS_ONLY", "parked records are for course coordinators and operations")
        .response();
  }

  private static <T> RestResponse<?> found(long id, Supplier<Optional<T>> work) {
    Optional<T> result = work.get();
    return result.isPresent()
        ? RestResponse.ok(result.get())
        : Problem.of(404, "PARKED_RECORD_NOT_FOUND", "no parked record " + id).response();
  }

  private RestResponse<?> recounted(RestResponse<?> answer) {
    try {
      parked.recount();
    } catch (RuntimeException notNow) {
      // The change is committed; the schedule recounts.
    }
    return answer;
  }
}
