package dk.stafet.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * MedCom's retransmission rule (medcom-spec.md §5) as plain arithmetic: after each transmission
 * wait {@code ackTimeout} for the acknowledgement; without one (or on transient-error) resend, at
 * most {@code maxResends} times; then give up (dead letter, escalation). {@code attempts} counts
 * transmissions, the first included.
 */
public final class RetrySchedule {

  public enum Next {
    RESEND,
    DEAD_LETTER
  }

  private final Duration ackTimeout;
  private final int maxResends;

  public RetrySchedule(Duration ackTimeout, int maxResends) {
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    if (ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("the acknowledgement timeout must be positive");
    }
    if (maxResends < 0) {
      throw new IllegalArgumentException("maxResends must not be negative");
    }
    this.maxResends = maxResends;
  }

  /** When to stop waiting for the acknowledgement of a transmission made at {@code sentAt}. */
  public Instant ackDeadline(Instant sentAt) {
    return sentAt.plus(ackTimeout);
  }

  /**
   * What to do when the wait after transmission number {@code attempts} ran out, or a
   * transient-error came back.
   */
  public Next afterFailedAttempt(int attempts) {
    return attempts - 1 < maxResends ? Next.RESEND : Next.DEAD_LETTER;
  }

  /**
   * The latest moment the last automatic attempt of a message first sent at {@code firstSentAt} can
   * time out.
   */
  public Instant givesUpAt(Instant firstSentAt) {
    return firstSentAt.plus(ackTimeout.multipliedBy(maxResends + 1L));
  }

  public int maxTransmissions() {
    return maxResends + 1;
  }
}
