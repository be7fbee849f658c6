package dk.stafet.notification.rules;

import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.directory.Party;

/**
 * One message the rules decided to send.
 *
 * @param duty the communication duty it fulfils (C3, C4, C6, ...; domain brief §7)
 * @param type HOSPITAL_NOTIFICATION or CARE_COMMUNICATION
 * @param code the HN code (STIN, AN_SLHJ, ...) or the CareCommunication category
 * @param sender the organisation on whose behalf it is sent
 * @param recipient who gets it (has a GLN)
 * @param courseId the hospital stay a HospitalNotification is about; null for CareCommunications
 * @param text the CareCommunication text; null for HospitalNotifications (never logged)
 */
public record PlannedNotification(
    String duty,
    MessageType type,
    String code,
    Party sender,
    Party recipient,
    String courseId,
    String text) {

  @Override
  public String toString() {
    return "PlannedNotification[" + duty + " " + type + " " + code + " to " + recipient.gln() + "]";
  }
}
