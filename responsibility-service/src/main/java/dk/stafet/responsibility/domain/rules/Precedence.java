package dk.stafet.responsibility.domain.rules;

/**
 * R21 precedence tiers, strongest first. Death (R20) is handled before any claim is considered.
 * Within a tier the most recently started course wins.
 */
public enum Precedence {
  /** R6/R7: an admission or emergency contact. */
  ADMISSION,
  /** R10–R12, R17 (hospital referrer), R18, R23 to a hospital: hospital-owned courses. */
  HOSPITAL_COURSE,
  /** R5, R9, R13–R15, R17 (GP referrer), R23 to a GP or specialist: the GP level. */
  GP
}
