package dk.stafet.contracts.medcom;

import java.util.Optional;

/** MedCom message types Stafet handles, from MessageHeader.eventCoding. */
public enum MessageType {
  HOSPITAL_NOTIFICATION(
      MedcomSystems.EVENT_HOSPITAL_NOTIFICATION,
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message"),
  CARE_COMMUNICATION(
      MedcomSystems.EVENT_CARE_COMMUNICATION,
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message"),
  ACKNOWLEDGEMENT(MedcomSystems.EVENT_ACKNOWLEDGEMENT, MedcomSystems.PROFILE_ACK_MESSAGE),
  UNKNOWN(null, null);

  private final String eventCode;
  private final String messageProfile;

  MessageType(String eventCode, String messageProfile) {
    this.eventCode = eventCode;
    this.messageProfile = messageProfile;
  }

  public String eventCode() {
    return eventCode;
  }

  /** The Bundle profile a message of this type must conform to; empty for UNKNOWN. */
  public Optional<String> messageProfile() {
    return Optional.ofNullable(messageProfile);
  }

  public static MessageType fromEventCode(String system, String code) {
    if (code == null || !MedcomSystems.EVENT_CODES.equals(system)) {
      return UNKNOWN;
    }
    for (MessageType type : values()) {
      if (code.equals(type.eventCode)) {
        return type;
      }
    }
    return UNKNOWN;
  }

  /**
   * Falls back on the Bundle's claimed profile when eventCoding is missing (as in MedCom test
   * TEK_FCC).
   */
  public static MessageType fromProfileClaim(String profileUrl) {
    for (MessageType type : values()) {
      if (type.messageProfile != null && type.messageProfile.equals(profileUrl)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
