package dk.stafet.referral.fhir;

import dk.stafet.contracts.medcom.MedcomViews.ThreadView;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.service.fhir.FhirReferences;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A MedCom message the front door received as a FHIR R4 Communication (docs/fhir-api.md,
 * "Communication"): who sent it to whom, when Stafet received it, its MedCom type and how Stafet
 * answered it. Like the JSON API it never serves the message content: the payload is a reference to
 * the MedCom Bundle by its id, which the sender's and the receiver's systems know it by.
 */
final class CommunicationMapper {

  /** FHIR's system for an identifier that is itself a URI (MedCom's thread ids are urn:uuid). */
  static final String URI_SYSTEM = "urn:ietf:rfc:3986";

  private static final Map<String, String> THREAD_NOTES =
      Map.of(
          "EARLIER_MESSAGE_UNKNOWN",
          "The message this one answers or forwards was not received by Stafet's front door",
          "REPLY_CHANGED_THREAD_ID",
          "A reply with another thread id than the message it answers (filed under its own)",
          "FORWARD_KEPT_THREAD_ID",
          "A forward that kept the thread id of the message it forwards");

  private final FhirReferences references;

  CommunicationMapper(FhirReferences references) {
    this.references = references;
  }

  /**
   * @param earlierId Stafet's id of the message a reply or forward answers, where the reader may
   *     see it (the inResponseTo reference); empty otherwise, when only the identifier is given
   */
  Communication map(ReceivedMessage message, String cpr, Optional<UUID> earlierId) {
    Communication communication = new Communication();
    communication.setId(message.id.toString());
    communication
        .addIdentifier()
        .setSystem(FhirReferences.MESSAGE_HEADER_ID_SYSTEM)
        .setValue(message.messageHeaderId);
    boolean accepted =
        message.outcome == ReceivedMessage.Outcome.ACCEPTED
            || message.outcome == ReceivedMessage.Outcome.ACKNOWLEDGEMENT;
    communication.setStatus(accepted ? CommunicationStatus.COMPLETED : CommunicationStatus.NOTDONE);
    if (!accepted) {
      communication.setStatusReason(
          new CodeableConcept()
              .setText(
                  "Stafet answered the message with a "
                      + message.ackCode
                      + " acknowledgement ("
                      + message.outcome
                      + ")"));
    }
    if (message.threadId != null) {
      // The CareCommunication's own identifier (a urn:uuid): the thread it belongs to.
      communication.addIdentifier().setSystem(URI_SYSTEM).setValue(message.threadId);
    }
    if (message.inResponseTo != null) {
      Reference earlier = new Reference();
      earlierId.ifPresent(id -> earlier.setReference("Communication/" + id));
      // An EDIFACT/OIOXML predecessor is named <GLN>#<letter id>, not by a MessageHeader id.
      earlier.setIdentifier(
          new Identifier()
              .setSystem(
                  message.inResponseTo.contains("#")
                      ? null
                      : FhirReferences.MESSAGE_HEADER_ID_SYSTEM)
              .setValue(message.inResponseTo));
      earlier.setDisplay(
          ThreadView.FORWARD.equals(message.threadActivity) ? "forwarded message" : "replied to");
      communication.addInResponseTo(earlier);
    }
    if (message.threadNote != null) {
      communication
          .addNote()
          .setText(THREAD_NOTES.getOrDefault(message.threadNote, message.threadNote));
    }
    communication.addCategory(FhirReferences.messageType(message.messageType));
    communication.setSubject(FhirReferences.patient(cpr));
    Reference sender = references.organisation(message.senderSor, message.senderGln);
    if (sender != null) {
      communication.setSender(sender);
    }
    Reference recipient = references.organisation(message.receiverSor, message.receiverGln);
    if (recipient != null) {
      communication.addRecipient(recipient);
    }
    communication.setReceivedElement(FhirReferences.instant(message.receivedAt));
    communication
        .addPayload()
        .setContent(
            FhirReferences.medcomBundle(
                message.firstBundleId,
                "The MedCom message Bundle as received ("
                    + message.contentType
                    + "); its content is not served by this API"));
    return communication;
  }
}
