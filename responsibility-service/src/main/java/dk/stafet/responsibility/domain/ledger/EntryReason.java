package dk.stafet.responsibility.domain.ledger;

/** Why a ledger entry was appended (for audit; the point-in-time answer does not depend on it). */
public enum EntryReason {
  /** A new state from an event at or after every previously known event time. */
  NEW_STATE,
  /** An open entry re-issued with its end, now known; same decision, nothing corrected. */
  INTERVAL_CLOSED,
  /** A late-arriving event (occurred before already-recorded ones) changed history. */
  LATE_EVENT_CORRECTION,
  /** R8: an admission was cancelled (registered in error) and is removed from every instant. */
  CANCELLATION_CORRECTION
}
