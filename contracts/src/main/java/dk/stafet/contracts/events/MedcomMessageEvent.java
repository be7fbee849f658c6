package dk.stafet.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A MedCom message the front door has safely stored: either one addressed to another organisation
 * that Stafet delivers as the messaging hub ({@link Kind#FOR_DELIVERY}), or an acknowledgement of a
 * message Stafet sent ({@link Kind#ACKNOWLEDGEMENT_RECEIVED}). Published on {@link
 * Topics#MEDCOM_MESSAGE_EVENTS}.
 *
 * @param eventCode {@link dk.stafet.contracts.medcom.MedcomMessage#eventCode()}: the
 *     HospitalNotification's event or the CareCommunication's category; null for other messages and
 *     in events published before it was added (their readers look into the Bundle)
 * @param rawBundle the Bundle exactly as received (for delivery it is forwarded unchanged)
 * @param contentType {@code application/fhir+json} or {@code application/fhir+xml}
 * @param ackCode for acknowledgements: ok, transient-error or fatal-error
 * @param acknowledgedHeaderId for acknowledgements: the MessageHeader.id they acknowledge
 */
public record MedcomMessageEvent(
    UUID eventId,
    Kind kind,
    Instant receivedAt,
    String patientKey,
    String messageType,
    String eventCode,
    String messageHeaderId,
    String bundleId,
    String senderGln,
    String senderSor,
    String receiverGln,
    String receiverSor,
    String ackCode,
    String acknowledgedHeaderId,
    String contentType,
    String rawBundle) {

  public enum Kind {
    FOR_DELIVERY,
    ACKNOWLEDGEMENT_RECEIVED
  }

  public String cloudEventType() {
    return "dk.stafet.medcom." + kind.name().toLowerCase().replace('_', '-');
  }

  @Override
  public String toString() {
    return "MedcomMessageEvent[" + kind + " " + messageType + " header=" + messageHeaderId + "]";
  }
}
