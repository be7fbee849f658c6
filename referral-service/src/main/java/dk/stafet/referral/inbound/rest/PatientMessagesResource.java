package dk.stafet.referral.inbound.rest;

import dk.stafet.referral.inbound.PatientMessages;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.service.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MedCom messages the front door received about one patient: what, from whom, to whom, when,
 * and the acknowledgement code — never the message content. Who sees which messages: {@link
 * PatientMessages}; anyone else gets 404, as if the patient were unknown.
 */
@Path("/api/patients/{patientKey}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MedCom messages")
public class PatientMessagesResource {

  /** A received MedCom message, without its content. */
  @Schema(
      description =
          "A MedCom message received about the patient (metadata only; never the content)")
  public record MessageView(
      @Schema(description = "MedCom message type, e.g. HospitalNotification") String messageType,
      @Schema(description = "MessageHeader.id (the letter id)") String messageHeaderId,
      String senderSor,
      String senderGln,
      String receiverSor,
      String receiverGln,
      @Schema(description = "When it was first received") Instant receivedAt,
      @Schema(description = "How many times it was received (retransmissions included)")
          int timesReceived,
      @Schema(description = "ACCEPTED, REJECTED, TRANSIENT_ERROR or ACKNOWLEDGEMENT")
          String outcome,
      @Schema(
              description =
                  "The code of our first acknowledgement: ok, fatal-error or transient-error")
          String ackCode,
      @Schema(
              description =
                  "CareCommunication only: the thread id (Communication.identifier, urn:uuid),"
                      + " kept on reply, new on forward")
          String threadId,
      @Schema(description = "CareCommunication only: new-message, reply-message or forward-message")
          String threadActivity,
      @Schema(
              description =
                  "The MessageHeader.id of the message a reply answers or a forward forwards (an"
                      + " EDIFACT/OIOXML letter as <GLN>#<letter id>)")
          String inResponseTo,
      @Schema(
              description =
                  "Why the thread needs a look: EARLIER_MESSAGE_UNKNOWN, REPLY_CHANGED_THREAD_ID or"
                      + " FORWARD_KEPT_THREAD_ID; null when all is well")
          String threadNote) {

    static MessageView of(ReceivedMessage m) {
      return new MessageView(
          m.messageType,
          m.messageHeaderId,
          m.senderSor,
          m.senderGln,
          m.receiverSor,
          m.receiverGln,
          m.receivedAt,
          m.timesReceived,
          m.outcome == null ? null : m.outcome.name(),
          m.ackCode,
          m.threadId,
          m.threadActivity,
          m.inResponseTo,
          m.threadNote);
    }
  }

  private static final String ACTION = "READ_MESSAGES";

  private final Caller caller;
  private final PatientMessages messages;

  public PatientMessagesResource(Caller caller, PatientMessages messages) {
    this.caller = caller;
    this.messages = messages;
  }

  @GET
  @Operation(
      summary =
          "The MedCom messages received about a patient (by pseudonym) that the caller may see; "
              + "metadata only (audited; 404 unless the caller is involved with the patient)")
  public List<MessageView> messages(@PathParam("patientKey") String patientKey) {
    return messages.visibleTo(caller.requireOrganisation(), patientKey, ACTION).stream()
        .map(MessageView::of)
        .toList();
  }
}
