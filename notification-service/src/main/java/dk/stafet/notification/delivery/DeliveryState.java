package dk.stafet.notification.delivery;

/** Where an outgoing message stands (docs/notifications.md, "Delivery state machine"). */
public enum DeliveryState {
  /** Transmitted, waiting for the acknowledgement until next_attempt_at. */
  SENT,
  /** Positively acknowledged (ok). */
  ACKNOWLEDGED,
  /** Answered with fatal-error: escalated, never resent automatically. */
  NEGATIVE,
  /** No acknowledgement after the last attempt (or transient errors throughout): escalated. */
  DEAD_LETTER,
  /** Sent to a recipient that cannot acknowledge (registry: acknowledges=false). */
  DELIVERED_NO_ACK_EXPECTED
}
