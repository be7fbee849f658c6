package dk.stafet.notification.fhir;

import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.service.fhir.FhirReferences;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A MedCom message Stafet sent (or is sending) as a FHIR R4 Communication (docs/fhir-api.md,
 * "Communication (sent)"): to whom, in whose name, when it was last transmitted, its MedCom type
 * and event, and where its delivery stands. Metadata only, like {@code /api/deliveries}: the
 * payload is a reference to the Bundle by id, and the patient is named by pseudonym
 * (notification-service keeps no CPR number).
 */
final class SentCommunicationMapper {

  private final FhirReferences references;

  SentCommunicationMapper(FhirReferences references) {
    this.references = references;
  }

  Communication map(DeliveryView message) {
    Communication communication = new Communication();
    communication.setId(message.messageHeaderId());
    communication
        .addIdentifier()
        .setSystem(FhirReferences.MESSAGE_HEADER_ID_SYSTEM)
        .setValue(message.messageHeaderId());
    communication.setStatus(status(message));
    String reason = statusReason(message);
    if (reason != null) {
      communication.setStatusReason(new CodeableConcept().setText(reason));
    }
    communication.addCategory(FhirReferences.messageType(message.messageType()));
    if (message.eventCode() != null) {
      // The HospitalNotification event (STIN, AN_SLHJ, ...) or the CareCommunication category.
      communication.setTopic(new CodeableConcept().setText(message.eventCode()));
    }
    if (message.patientKey() != null) {
      communication.setSubject(FhirReferences.patientByKey(message.patientKey()));
    }
    Reference sender = references.organisation(null, message.senderGln());
    if (sender != null) {
      communication.setSender(sender);
    }
    communication.addRecipient(
        references.organisation(message.recipientSor(), message.recipientGln()));
    if (message.lastSentAt() != null) {
      communication.setSentElement(FhirReferences.instant(message.lastSentAt()));
    }
    if (message.attempts() > 1) {
      communication
          .addNote()
          .setText(
              "Transmitted "
                  + message.attempts()
                  + " times (the same letter in a new envelope); sent = the latest");
    }
    if (message.lastBundleId() != null) {
      communication
          .addPayload()
          .setContent(
              FhirReferences.medcomBundle(
                  message.lastBundleId(),
                  "The latest MedCom message Bundle sent; its content is not served by this API"));
    }
    return communication;
  }

  /**
   * Acknowledged ok, or delivered to a recipient that cannot acknowledge: completed; waiting for
   * the acknowledgement: in progress; answered fatal-error, or never sent (it failed MedCom
   * validation): not done; no acknowledgement after the last attempt (a dead letter, with people):
   * stopped.
   */
  static CommunicationStatus status(DeliveryView message) {
    return switch (message.state()) {
      case ACKNOWLEDGED, DELIVERED_NO_ACK_EXPECTED -> CommunicationStatus.COMPLETED;
      case SENT -> CommunicationStatus.INPROGRESS;
      case NEGATIVE -> CommunicationStatus.NOTDONE;
      case DEAD_LETTER ->
          message.lastSentAt() == null ? CommunicationStatus.NOTDONE : CommunicationStatus.STOPPED;
    };
  }

  private static String statusReason(DeliveryView message) {
    return switch (message.state()) {
      case ACKNOWLEDGED, DELIVERED_NO_ACK_EXPECTED, SENT -> null;
      case NEGATIVE, DEAD_LETTER ->
          message.state()
              + (message.ackCode() != null ? " (acknowledgement " + message.ackCode() + ")" : "")
              + (message.stateReason() != null ? ": " + message.stateReason() : "");
    };
  }
}
