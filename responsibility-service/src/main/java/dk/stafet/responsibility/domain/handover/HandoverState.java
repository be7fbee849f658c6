package dk.stafet.responsibility.domain.handover;

/** States of a structured relay handover (R23, R24, R20). */
public enum HandoverState {
  /** Proposed, waiting for the receiver; the proposer still holds PRD and treatment (R23). */
  PROPOSED,
  /**
   * Not answered by respond-by: alarm raised, nothing changed (R24). It can still be accepted
   * (R23).
   */
  UNANSWERED,
  /** Accepted by the receiver: responsibility moved at the acceptance instant (R23). Final. */
  ACCEPTED,
  /** Rejected by the receiver: nothing changed, the proposer is told (R24, C6). Final. */
  REJECTED,
  /** Void because the patient died (R20). Final. */
  VOID;

  public boolean isPending() {
    return this == PROPOSED || this == UNANSWERED;
  }
}
