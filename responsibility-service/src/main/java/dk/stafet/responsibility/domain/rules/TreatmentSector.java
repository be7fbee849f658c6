package dk.stafet.responsibility.domain.rules;

/**
 * The sector holding treatment responsibility at an instant (brief §2). Never a municipality (R16);
 * {@link #NONE} only after death (R20) or in an explicit gap (R26).
 */
public enum TreatmentSector {
  HOSPITAL,
  GP,
  OUT_OF_HOURS,
  SPECIALIST,
  NONE
}
