package dk.stafet.referral.course.service;

import dk.stafet.contracts.time.PlausibleTimes;
import java.time.Duration;
import java.time.Instant;

/** The event time of a fact: given by the caller (recorded after the fact) or now. */
final class Occurrence {

  /**
   * Clocks differ; a fact a few minutes "in the future" is accepted, one further ahead is a
   * mistake.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private Occurrence() {}

  static Instant orNow(Instant occurredAt) {
    Instant now = Instant.now();
    if (occurredAt == null) {
      return now;
    }
    if (PlausibleTimes.tooEarly(occurredAt)) {
      throw new InvalidCommandException(
          "occurredAt lies before "
              + PlausibleTimes.EARLIEST
              + "; no course is that old (a mistyped year?)");
    }
    if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidCommandException(
          "occurredAt lies in the future; facts are recorded when they have happened");
    }
    return occurredAt;
  }

  static void notBefore(Instant occurredAt, Instant start, String what) {
    if (start != null && occurredAt.isBefore(start)) {
      throw new InvalidCommandException("occurredAt is before the " + what);
    }
  }
}
