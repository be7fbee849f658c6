package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The responsibility timeline of one patient: contiguous segments ordered by time, the last one
 * open.
 */
public record Timeline(List<TimelineSegment> segments) {

  /**
   * Why there is no decision before the first fact: nothing is known, and that is said explicitly
   * (R26).
   */
  public static final String BEFORE_FIRST_FACT = "no facts recorded for this instant";

  public Timeline {
    segments = List.copyOf(segments);
  }

  public Optional<TimelineSegment> segmentAt(Instant instant) {
    int lo = 0;
    int hi = segments.size() - 1;
    int found = -1;
    while (lo <= hi) { // last segment with validFrom <= instant
      int mid = (lo + hi) >>> 1;
      if (!segments.get(mid).validFrom().isAfter(instant)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(segments.get(found));
  }

  /** The decision at {@code instant}; before the first fact an explicit gap, never null. */
  public ResponsibilityDecision decisionAt(Instant instant) {
    return segmentAt(instant)
        .map(TimelineSegment::decision)
        .orElseGet(() -> ResponsibilityDecision.gap(BEFORE_FIRST_FACT));
  }
}
