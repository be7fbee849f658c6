package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable ledger entry: {@code decision} holds on [validFrom, validTo) in event time.
 *
 * @param entryNo position in the append-only log (1, 2, …)
 * @param decidingEventId the fact at validFrom that started this state
 * @param recordedForEventId the fact whose recording caused this entry to be written (differs from
 *     decidingEventId for closings and corrections)
 * @param recordedAt when the entry was written (recording time, for audit)
 * @param supersedes entry numbers this entry replaces; they stay in the log
 */
public record LedgerEntry(
    long entryNo,
    Instant validFrom,
    Optional<Instant> validTo,
    ResponsibilityDecision decision,
    String decidingEventId,
    String recordedForEventId,
    Instant recordedAt,
    List<Long> supersedes,
    EntryReason reason) {
  public LedgerEntry {
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decidingEventId, "decidingEventId");
    Objects.requireNonNull(recordedForEventId, "recordedForEventId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    supersedes = List.copyOf(supersedes);
    Objects.requireNonNull(reason, "reason");
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(validFrom) && validTo.map(instant::isBefore).orElse(true);
  }

  TimelineSegment asSegment() {
    return new TimelineSegment(validFrom, validTo, decision, decidingEventId);
  }
}
