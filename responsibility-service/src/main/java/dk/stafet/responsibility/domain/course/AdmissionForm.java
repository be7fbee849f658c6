package dk.stafet.responsibility.domain.course;

/**
 * R6: an inpatient admission, or an emergency contact without admission (the latter a proposal).
 */
public enum AdmissionForm {
  INPATIENT,
  EMERGENCY_CONTACT
}
