package dk.stafet.responsibility.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What recording one fact did to a patient's ledger.
 *
 * @param appended the entries written (empty if the timeline did not change)
 * @param replaced for each appended entry number, the entries it replaces
 * @param openBefore the entry in force at the end of the timeline before the fact (empty for a new
 *     patient)
 * @param openAfter the entry in force at the end of the timeline after it
 */
public record LedgerUpdate(
    List<LedgerEntryRow> appended,
    Map<Long, List<LedgerEntryRow>> replaced,
    Optional<LedgerEntryRow> openBefore,
    Optional<LedgerEntryRow> openAfter) {

  public boolean holderChanged() {
    String before = openBefore.map(e -> e.holderSor).orElse(null);
    String after = openAfter.map(e -> e.holderSor).orElse(null);
    boolean deceasedBefore = openBefore.map(e -> e.decision().isDeceased()).orElse(false);
    boolean deceasedAfter = openAfter.map(e -> e.decision().isDeceased()).orElse(false);
    return openAfter.isPresent()
        && (!java.util.Objects.equals(before, after) || deceasedBefore != deceasedAfter);
  }
}
