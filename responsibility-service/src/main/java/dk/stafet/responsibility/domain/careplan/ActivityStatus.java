package dk.stafet.responsibility.domain.careplan;

import java.util.Set;

/** An activity's life (a subset of FHIR CarePlan.activity.detail.status). */
public enum ActivityStatus {
  PLANNED,
  ACTIVE,
  COMPLETED,
  CANCELLED;

  public boolean isOpen() {
    return this == PLANNED || this == ACTIVE;
  }

  /**
   * The allowed moves: forward only, a finished activity stays finished (a new one is added
   * instead, so the plan's history reads true). Staying in the same status is allowed (a change of
   * period only).
   */
  public boolean mayBecome(ActivityStatus next) {
    if (next == this) {
      return true;
    }
    return switch (this) {
      case PLANNED -> Set.of(ACTIVE, COMPLETED, CANCELLED).contains(next);
      case ACTIVE -> Set.of(COMPLETED, CANCELLED).contains(next);
      case COMPLETED, CANCELLED -> false;
    };
  }
}
