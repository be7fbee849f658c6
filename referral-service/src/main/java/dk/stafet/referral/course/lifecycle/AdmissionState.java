package dk.stafet.referral.course.lifecycle;

/**
 * The states of a hospital stay, named after the MedCom HospitalNotification Encounter.status they
 * mirror.
 */
public enum AdmissionState {
  /**
   * Admitted (inpatient, IMP) or an emergency / acute-ambulant contact (EMER); Encounter.status
   * in-progress.
   */
  IN_PROGRESS,
  /** On leave [orlov] during an admission; the admission continues (R7). */
  ON_LEAVE,
  /** Discharged (SLHJ); only the cancellation of the discharge may follow. */
  DISCHARGED,
  /** The patient died during the stay (MORS). */
  DECEASED,
  /** Registered in error (AN_STIN / AN_STAA): treated as never having happened (R8). */
  CANCELLED;

  public boolean isActive() {
    return this == IN_PROGRESS || this == ON_LEAVE;
  }
}
