package dk.stafet.responsibility.handover;

import dk.stafet.responsibility.domain.handover.HandoverState;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.rest.OpenApiDefinition;
import dk.stafet.service.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Structured relay handover (R23, R24). */
@Path("/api/handovers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "handovers", description = "Structured relay handover of patient responsibility")
@SecurityRequirement(name = OpenApiDefinition.CALLER_ORGANISATION)
public class HandoverResource {

  private final HandoverService handovers;

  public HandoverResource(HandoverService handovers) {
    this.handovers = handovers;
  }

  @POST
  @Operation(summary = "Propose a handover; only the current PRD holder may (R23)")
  @APIResponse(
      responseCode = "201",
      description = "Proposed; the proposer keeps responsibility until acceptance")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  @APIResponse(
      responseCode = "409",
      description =
          "HANDOVER_NOT_CURRENT_HOLDER, HANDOVER_TO_SELF, HANDOVER_RECEIVER_CANNOT_HOLD_PRD, "
              + "HANDOVER_ADMISSION_TO_NON_HOSPITAL, HANDOVER_NO_HOLDER, HANDOVER_VOID, HANDOVER_INVALID_DEADLINE",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown receiver, missing reason, occurredAt in the future")
  public RestResponse<HandoverViews.Handover> propose(HandoverViews.Propose body) {
    return RestResponse.status(RestResponse.Status.CREATED, handovers.propose(body));
  }

  @POST
  @Path("/{id}/accept")
  @Operation(summary = "Accept as the proposed receiver; responsibility moves at occurredAt (R23)")
  @APIResponse(responseCode = "200", description = "Accepted")
  @APIResponse(
      responseCode = "404",
      description = "Unknown handover, or the caller is not involved with the patient")
  @APIResponse(
      responseCode = "409",
      description =
          "HANDOVER_ALREADY_ACCEPTED, HANDOVER_ALREADY_REJECTED, HANDOVER_NOT_RECEIVER, "
              + "HANDOVER_VOID, HANDOVER_BEFORE_PROPOSAL, HANDOVER_GP_AGREEMENT_CHANNEL_MISSING",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public HandoverViews.Handover accept(@PathParam("id") String id, HandoverViews.Accept body) {
    return handovers.accept(uuid(id), body);
  }

  @POST
  @Path("/{id}/reject")
  @Operation(
      summary = "Reject as the proposed receiver; nothing changes and the proposer is told (R24)")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(
      responseCode = "404",
      description = "Unknown handover, or the caller is not involved with the patient")
  @APIResponse(
      responseCode = "409",
      description = "Already answered, not the receiver, void",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public HandoverViews.Handover reject(@PathParam("id") String id, HandoverViews.Reject body) {
    return handovers.reject(uuid(id), body);
  }

  @GET
  @Operation(
      summary = "Handovers the caller is a party to (coordinators: all), optionally in one state")
  @APIResponse(responseCode = "200", description = "The handovers")
  public List<HandoverViews.Handover> list(
      @Parameter(description = "PROPOSED, UNANSWERED, ACCEPTED, REJECTED or VOID")
          @QueryParam("state")
          String state) {
    return handovers.list(state(state));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("handover");
    }
  }

  private static HandoverState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return HandoverState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "INVALID_STATE", "state must be one of PROPOSED, UNANSWERED, ACCEPTED, REJECTED, VOID");
    }
  }
}
