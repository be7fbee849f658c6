package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stretch of the responsibility timeline: the decision in force on the half-open interval
 * [validFrom, validTo) — a query at exactly an event's time sees the new state. {@code validTo}
 * empty = still in force. {@code decidingEventId} is the fact at {@code validFrom} that made it so.
 */
public record TimelineSegment(
    Instant validFrom,
    Optional<Instant> validTo,
    ResponsibilityDecision decision,
    String decidingEventId) {
  public TimelineSegment {
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decidingEventId, "decidingEventId");
    validTo.ifPresent(
        to -> {
          if (!to.isAfter(validFrom)) {
            throw new IllegalArgumentException("empty or negative interval");
          }
        });
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(validFrom) && validTo.map(instant::isBefore).orElse(true);
  }

  public boolean overlaps(Instant from, Optional<Instant> to) {
    boolean startsBeforeOtherEnds = to.map(validFrom::isBefore).orElse(true);
    boolean otherStartsBeforeThisEnds = validTo.map(from::isBefore).orElse(true);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }
}
