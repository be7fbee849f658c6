package dk.stafet.referral.fhir;

import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.service.fhir.FhirReferences;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A MedCom message the front door received as a FHIR R4 Communication (docs/fhir-api.md,
 * "Communication"): who sent it to whom, when Stafet received it, its MedCom type and how Stafet
 * answered it. Like the JSON API it never serves the message content: the payload is a reference to
 * the MedCom Bundle by its id, which the sender's and the receiver's systems know it by.
 */
final class CommunicationMapper {

  private final FhirReferences references;

  CommunicationMapper(FhirReferences references) {
    this.references = references;
  }

  Communication map(ReceivedMessage message, String cpr) {
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
