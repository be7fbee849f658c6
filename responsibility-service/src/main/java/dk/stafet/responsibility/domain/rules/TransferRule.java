package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.Transfer;
import java.util.ArrayList;
import java.util.List;

/**
 * R23: responsibility accepted through a relay handover from a holder without a course of its own
 * (e.g. the GP holding by R5) stays with the receiver from the acceptance instant. Handovers of a
 * course are represented on the course itself (its owner changes; the rule id becomes R23).
 */
public final class TransferRule implements CourseRule {

  @Override
  public RuleId id() {
    return RuleId.R23;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (Transfer transfer : situation.transfers()) {
      claims.add(Claim.by(RuleId.R23, transfer.owner(), transfer.since(), transfer.ref()));
    }
    return claims;
  }
}
