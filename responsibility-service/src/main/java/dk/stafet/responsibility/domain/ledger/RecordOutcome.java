package dk.stafet.responsibility.domain.ledger;

import java.util.List;

/**
 * What recording a fact did: the entries appended (empty if the timeline did not change) and
 * whether the fact was a duplicate delivery of one already recorded (idempotent, nothing appended).
 */
public record RecordOutcome(List<LedgerEntry> appended, boolean duplicate) {
  public RecordOutcome {
    appended = List.copyOf(appended);
  }

  public boolean changedHistory() {
    return appended.stream()
        .anyMatch(
            e ->
                e.reason() == EntryReason.LATE_EVENT_CORRECTION
                    || e.reason() == EntryReason.CANCELLATION_CORRECTION);
  }
}
