package dk.stafet.contracts.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The times a message or a course fact may name at all (issue 13, docs/front-door.md "Strict
 * input"): nothing before 1900-01-01 (no living patient, no course, no message is older) and, for
 * anything in a message, nothing more than a year ahead (planned times exist; decades ahead are
 * typing errors such as 2203 for 2023). Event times have tighter rules of their own where they are
 * used (a fact cannot lie in the future beyond clock skew).
 */
public final class PlausibleTimes {

  /** The earliest date any value may name: before any possible patient. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** How far ahead a date in a message may lie. */
  public static final Duration LATEST_AHEAD = Duration.ofDays(366);

  private PlausibleTimes() {}

  public static boolean tooEarly(Instant instant) {
    return instant.isBefore(EARLIEST);
  }

  public static boolean tooFarAhead(Instant instant, Instant now) {
    return instant.isAfter(now.plus(LATEST_AHEAD));
  }
}
