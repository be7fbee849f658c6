package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryState;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Operations' view of outgoing MedCom messages: counts, lists, dead letters, and the manual resend. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

  private final DeliveryOperations operations;

  public DeliveryResource(DeliveryOperations operations) {
    this.operations = operations;
  }

  /** How many messages are in each state, per recipient. */
  @GET
  @Path("/counts")
  public List<StateCount> counts() {
    return operations.counts();
  }

  /** Messages, newest first, filtered by state, recipient GLN, message type and patient pseudonym. */
  @GET
  public List<DeliveryView> list(@QueryParam("state") DeliveryState state, @QueryParam("recipient") String recipientGln,
      @QueryParam("type") String messageType, @QueryParam("patientKey") String patientKey,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return operations.list(state, recipientGln, messageType, patientKey, limit);
  }

  /** The dead letters: messages nobody acknowledged, waiting for people. */
  @GET
  @Path("/dead-letters")
  public List<DeliveryView> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
    return operations.list(DeliveryState.DEAD_LETTER, null, null, null, limit);
  }

  /** Acknowledgements that matched no outgoing message. */
  @GET
  @Path("/unmatched-acks")
  public List<UnmatchedAck> unmatchedAcks(@QueryParam("limit") @DefaultValue("100") int limit) {
    return operations.unmatchedAcks(limit);
  }

  @GET
  @Path("/{messageHeaderId}")
  public DeliveryView get(@PathParam("messageHeaderId") String messageHeaderId) {
    return operations.get(messageHeaderId).orElseThrow(() -> new NotFoundException("no such outgoing message"));
  }

  /** A new attempt for a dead-lettered message: the same MessageHeader.id in a new envelope. 409 unless dead-lettered. */
  @POST
  @Path("/{messageHeaderId}/resend")
  public Response resend(@PathParam("messageHeaderId") String messageHeaderId) {
    try {
      return operations.resend(messageHeaderId)
          .map(view -> Response.ok(view).build())
          .orElseThrow(() -> new NotFoundException("no such outgoing message"));
    } catch (IllegalStateException notDeadLettered) {
      return Response.status(Response.Status.CONFLICT).entity(Map.of("error", notDeadLettered.getMessage())).build();
    }
  }
}
