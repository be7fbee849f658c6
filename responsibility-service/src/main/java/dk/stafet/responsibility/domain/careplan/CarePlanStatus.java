package dk.stafet.responsibility.domain.careplan;

/** A plan's life (FHIR CarePlan.status: draft, active, completed, revoked). */
public enum CarePlanStatus {
  /** Being put together: not yet both an activity and a case manager. */
  DRAFT,
  /** In force: at least one activity and exactly one case manager. */
  ACTIVE,
  /** Ended after the closing talk, every activity completed or cancelled. */
  COMPLETED,
  /** Withdrawn before completion (e.g. created by mistake, or the patient declined). */
  REVOKED;

  public boolean isClosed() {
    return this == COMPLETED || this == REVOKED;
  }
}
