package dk.stafet.referral.course.lifecycle;

/**
 * What can happen to a hospital stay, with the MedCom HospitalNotification code that reports it.
 */
public enum AdmissionTransition {
  /**
   * STIN (inpatient) or STAA (acute ambulant); also a repeated start notification for the same
   * episode.
   */
  ADMIT("STIN/STAA"),
  /**
   * A new STIN/STAA for a stay in progress with the other encounter class: the stay type changed
   * (no SLHJ).
   */
  CHANGE_CLASS("STIN/STAA"),
  START_LEAVE("STOR"),
  END_LEAVE("SLOR"),
  DISCHARGE("SLHJ"),
  DIE("MORS"),
  CANCEL_ADMISSION("AN_STIN/AN_STAA"),
  CANCEL_LEAVE_START("AN_STOR"),
  CANCEL_LEAVE_END("AN_SLOR"),
  CANCEL_DISCHARGE("AN_SLHJ");

  private final String hnCode;

  AdmissionTransition(String hnCode) {
    this.hnCode = hnCode;
  }

  /** The MedCom HospitalNotification code(s) of this transition. */
  public String hnCode() {
    return hnCode;
  }

  public boolean isCorrection() {
    return name().startsWith("CANCEL_");
  }
}
