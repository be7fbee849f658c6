package dk.stafet.responsibility.domain.rules;

import dk.stafet.contracts.calendar.DanishCalendar;
import java.time.Instant;

/**
 * How treatment responsibility is arranged while a decision holds. Stored time-independently so
 * that the ledger changes only at events, and resolved to a {@link TreatmentSector} for an instant
 * with the calendar (R2).
 */
public enum TreatmentArrangement {
  /** Hospital around the clock (R6, R10–R12, R18). */
  HOSPITAL_24H,
  /** "GP/OOH split": the GP in GP hours, the out-of-hours service otherwise (R5, R9, R13–R15). */
  GP_OUT_OF_HOURS_SPLIT,
  /** R19: the practising specialist on weekdays 08–16, out-of-hours otherwise. */
  SPECIALIST_OUT_OF_HOURS_SPLIT,
  /** Nobody: after death (R20) or in an explicit gap (R26). */
  NONE;

  public TreatmentSector sectorAt(Instant instant, DanishCalendar calendar) {
    switch (this) {
      case HOSPITAL_24H:
        return TreatmentSector.HOSPITAL;
      case GP_OUT_OF_HOURS_SPLIT:
        return calendar.isGpHours(instant) ? TreatmentSector.GP : TreatmentSector.OUT_OF_HOURS;
      case SPECIALIST_OUT_OF_HOURS_SPLIT:
        return calendar.isGpHours(instant)
            ? TreatmentSector.SPECIALIST
            : TreatmentSector.OUT_OF_HOURS;
      default:
        return TreatmentSector.NONE;
    }
  }

  /**
   * Whether the sector depends on GP hours, so that an answer only holds until the next R2
   * boundary.
   */
  public boolean isSplitByGpHours() {
    return this == GP_OUT_OF_HOURS_SPLIT || this == SPECIALIST_OUT_OF_HOURS_SPLIT;
  }
}
