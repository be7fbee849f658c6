package dk.stafet.responsibility.ledger;

import dk.stafet.responsibility.domain.ledger.Timeline;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Point-in-time answers from the stored current view (the corrected history): no replay on reads.
 */
@ApplicationScoped
public class LedgerReader {

  private final WhoToCallPolicy policy;

  public LedgerReader(WhoToCallPolicy policy) {
    this.policy = policy;
  }

  /**
   * The ledger at one instant. Before the first fact there is no entry: an explicit gap (R26),
   * never null.
   */
  public PointInTime at(String patientKey, Instant at) {
    List<LedgerEntryRow> view = LedgerEntryRow.currentView(patientKey);
    Optional<LedgerEntryRow> entry = view.stream().filter(e -> e.contains(at)).findFirst();
    ResponsibilityDecision decision =
        entry
            .map(e -> e.decision().toDomain())
            .orElseGet(() -> ResponsibilityDecision.gap(Timeline.BEFORE_FIRST_FACT));
    WhoToCall who = policy.whoToCall(decision, at);
    // The answer holds at most until the next recorded change (and the next GP-hours boundary, R2).
    Optional<Instant> nextChange =
        entry.isPresent()
            ? Optional.ofNullable(entry.get().validTo)
            : view.stream().map(e -> e.validFrom).filter(at::isBefore).findFirst();
    if (nextChange.isPresent()) {
      who = who.validAtMostUntil(nextChange.get());
    }
    return new PointInTime(
        at, entry, decision, who, decision.treatmentSectorAt(at, policy.calendar()));
  }

  /** The ledger's answer for one instant. */
  public record PointInTime(
      Instant at,
      Optional<LedgerEntryRow> entry,
      ResponsibilityDecision decision,
      WhoToCall whoToCall,
      dk.stafet.responsibility.domain.rules.TreatmentSector treatmentSector) {}
}
