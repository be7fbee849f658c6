package dk.stafet.referral.waitingtime;

/** Where an open referral stands against its maximum waiting time. */
public enum WaitingTimeStatus {
  /** No clock has started yet (a rule counted from acceptance, the referral not yet accepted). */
  PENDING,
  /** Before the warning time. */
  ON_TRACK,
  /** Within {@code stafet.waiting-time.warn-before} of the deadline. */
  WARNING,
  /** The last allowed day has passed. */
  EXCEEDED
}
