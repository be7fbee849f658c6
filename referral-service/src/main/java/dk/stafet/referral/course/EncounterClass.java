package dk.stafet.referral.course;

/**
 * MedCom HospitalNotification Encounter.class (v3-ActCode): inpatient, or emergency / acute
 * ambulant.
 */
public enum EncounterClass {
  IMP,
  EMER
}
