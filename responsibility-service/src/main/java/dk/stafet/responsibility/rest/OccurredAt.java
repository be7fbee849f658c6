package dk.stafet.responsibility.rest;

import java.time.Duration;
import java.time.Instant;

/**
 * Every event accepted over REST carries the instant it happened; default now, at most a little in
 * the future.
 */
public final class OccurredAt {

  /** Clock skew allowed between a caller and Stafet. */
  private static final Duration MAX_FUTURE = Duration.ofMinutes(5);

  private OccurredAt() {}

  public static Instant orNow(Instant occurredAt) {
    Instant now = Instant.now();
    if (occurredAt == null) {
      return now;
    }
    if (occurredAt.isAfter(now.plus(MAX_FUTURE))) {
      throw new InvalidRequestException(
          "OCCURRED_IN_FUTURE", "occurredAt lies more than 5 minutes in the future");
    }
    return occurredAt;
  }
}
