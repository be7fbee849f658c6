package dk.stafet.contracts.medcom;

import java.util.List;

/**
 * The two families of MedCom conformance resources (medcom-spec.md §7). Canonical URLs repeat
 * across versions, so each set gets its own validator and the sets are never mixed.
 */
public enum ProfileSet {

  /** HospitalNotification 3.0.2 and Acknowledgement 2.0.3 (also for acks of CareCommunications). */
  A(
      List.of(
          "dk-core/2.0.0",
          "terminology/1.4.0",
          "core/2.0.0",
          "messaging/2.1.0",
          "hospitalnotification/3.0.2",
          "acknowledgement/2.0.3"),
      false),

  /** CareCommunication 5.0.2. Messaging 4.0.2 pins core types to |4.0.1, hence the shim. */
  B(
      List.of(
          "dk-core/3.4.0",
          "terminology/2.0.1",
          "core/3.0.1",
          "messaging/4.0.2",
          "messagedefinitions/1.0.0",
          "carecommunication/5.0.2"),
      true);

  private final List<String> folders;
  private final boolean stripsCoreVersionPins;

  ProfileSet(List<String> folders, boolean stripsCoreVersionPins) {
    this.folders = folders;
    this.stripsCoreVersionPins = stripsCoreVersionPins;
  }

  /** Folders relative to the profiles root, in load order. */
  public List<String> folders() {
    return folders;
  }

  public boolean stripsCoreVersionPins() {
    return stripsCoreVersionPins;
  }

  public static ProfileSet forMessageType(MessageType type) {
    return type == MessageType.CARE_COMMUNICATION ? B : A;
  }
}
