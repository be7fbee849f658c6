package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryState;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Outgoing MedCom messages and their acknowledgement state: counts, lists, dead letters, and the
 * manual resend. Every call names its organisation (its bearer token; docs/security.md); what it
 * sees follows {@link DeliveryReader}, and every read of a patient's messages is audited.
 */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

  private final DeliveryOperations operations;
  private final DeliveryAccess access;

  public DeliveryResource(DeliveryOperations operations, DeliveryAccess access) {
    this.operations = operations;
    this.access = access;
  }

  /**
   * How many messages are in each state, per recipient (one's own as recipient unless a
   * coordinator).
   */
  @GET
  @Path("/counts")
  public List<StateCount> counts() {
    return operations.counts(access.reader());
  }

  /**
   * Messages the caller may see, newest first, filtered by state, recipient GLN, message type and
   * patient pseudonym.
   */
  @GET
  public List<DeliveryView> list(
      @QueryParam("state") DeliveryState state,
      @QueryParam("recipient") String recipientGln,
      @QueryParam("type") String messageType,
      @QueryParam("patientKey") String patientKey,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return operations.list(access.reader(), state, recipientGln, messageType, patientKey, limit);
  }

  /** The dead letters the caller may see: messages nobody acknowledged, waiting for people. */
  @GET
  @Path("/dead-letters")
  public List<DeliveryView> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
    return operations.list(access.reader(), DeliveryState.DEAD_LETTER, null, null, null, limit);
  }

  /** Acknowledgements that matched no outgoing message (operations: course coordinators only). */
  @GET
  @Path("/unmatched-acks")
  public List<UnmatchedAck> unmatchedAcks(@QueryParam("limit") @DefaultValue("100") int limit) {
    access.requireCoordinator("the list of unmatched acknowledgements");
    return operations.unmatchedAcks(limit);
  }

  @GET
  @Path("/{messageHeaderId}")
  public DeliveryView get(@PathParam("messageHeaderId") String messageHeaderId) {
    return operations
        .get(access.reader(), messageHeaderId)
        .orElseThrow(() -> new UnknownDeliveryException());
  }

  /**
   * A new attempt for a dead-lettered message: the same MessageHeader.id in a new envelope. Course
   * coordinators only; 409 {@code NOT_DEAD_LETTERED} unless dead-lettered.
   */
  @POST
  @Path("/{messageHeaderId}/resend")
  public Response resend(@PathParam("messageHeaderId") String messageHeaderId) {
    access.requireCoordinator("resending a dead letter");
    try {
      return operations
          .resend(messageHeaderId)
          .map(view -> Response.ok(view).build())
          .orElseThrow(() -> new UnknownDeliveryException());
    } catch (IllegalStateException notDeadLettered) {
      throw new NotDeadLetteredException(notDeadLettered.getMessage());
    }
  }
}
