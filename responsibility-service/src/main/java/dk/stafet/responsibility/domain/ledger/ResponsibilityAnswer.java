package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.TreatmentSector;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The full answer for one instant (brief §2): PRD and rule, treatment sector, and who to call with
 * how long that holds ({@link WhoToCall#validUntil()}: the sooner of the next GP-hours boundary and
 * the next recorded change).
 */
public record ResponsibilityAnswer(
    Instant at,
    ResponsibilityDecision decision,
    TreatmentSector treatmentSector,
    WhoToCall whoToCall,
    Optional<LedgerEntry> entry) {
  public ResponsibilityAnswer {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(treatmentSector, "treatmentSector");
    Objects.requireNonNull(whoToCall, "whoToCall");
    Objects.requireNonNull(entry, "entry");
  }
}
