package dk.stafet.responsibility.domain;

/** The kinds of actors in brief §1. */
public enum OrganisationKind {
  /**
   * Somatic or psychiatric department, emergency reception, outpatient clinic, outgoing team; 24-h
   * phone.
   */
  HOSPITAL_DEPARTMENT,
  /** General practice, "own doctor" [egen læge] or the GP's substitute [stedfortræder]. */
  GP,
  /** Out-of-hours service [vagtlæge, lægevagt]: treatment outside GP hours, never PRD (R14). */
  OUT_OF_HOURS_SERVICE,
  /** Practising specialist [speciallægepraksis]. */
  PRACTISING_SPECIALIST,
  /**
   * Municipality, incl. home nursing and the acute function: never PRD, never treatment-responsible
   * (R16).
   */
  MUNICIPALITY;

  /**
   * Whether this kind may ever hold patient-responsible-doctor status. R16: never a municipality;
   * R14: the out-of-hours service treats but is never PRD.
   */
  public boolean mayHoldPrd() {
    return this == HOSPITAL_DEPARTMENT || this == GP || this == PRACTISING_SPECIALIST;
  }
}
