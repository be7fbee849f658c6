package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.CourseRef;
import java.time.Instant;
import java.util.List;

/**
 * R5: with no hospital course the listed GP is PRD, with the GP/OOH split for treatment. This is
 * the weakest claim and always present, so the engine always has a candidate. When responsibility
 * came back from a course, the decision names the rule of that return: R9 (discharge / end of a
 * hospital course or referral) or R15 (end of an acute-function course) — standing agreements that
 * need no acceptance (R25).
 */
public final class ListedGpRule implements CourseRule {

  /**
   * The default claim is older than any course, so any course started later wins its tier (R21).
   */
  static final Instant SINCE_ALWAYS = Instant.MIN;

  @Override
  public RuleId id() {
    return RuleId.R5;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    RuleId rule = situation.returnedBy().orElse(RuleId.R5);
    return List.of(Claim.forListedGp(rule, SINCE_ALWAYS, CourseRef.LISTED_GP));
  }
}
