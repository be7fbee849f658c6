package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.AcuteFunctionCourse;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is responsible while an acute-function course runs. The municipality delivering it never is
 * (R16) — only the referrer's kind matters:
 *
 * <ul>
 *   <li>R10: referred by a hospital department → that department, 24 h, while the course runs
 *       (hospital treatment continuing after it is a course of its own, R11/R12);
 *   <li>R13: referred by the GP or substitute, or by municipal nursing (proposal) → the patient's
 *       own GP;
 *   <li>R14: referred by an out-of-hours doctor → still the patient's own GP (the GP is told, C2).
 * </ul>
 *
 * R15 (the course ends) is the absence of a claim: responsibility falls back to whatever else
 * holds.
 */
public final class AcuteFunctionRule implements CourseRule {

  @Override
  public RuleId id() {
    return RuleId.R10;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (AcuteFunctionCourse course : situation.acuteCourses()) {
      if (course.handedOverTo().isPresent()) {
        claims.add(
            Claim.by(RuleId.R23, course.handedOverTo().get(), course.startedAt(), course.ref()));
        continue;
      }
      switch (course.referrer().kind()) {
        case HOSPITAL_DEPARTMENT:
          claims.add(Claim.by(RuleId.R10, course.referrer(), course.startedAt(), course.ref()));
          break;
        case OUT_OF_HOURS_SERVICE:
          claims.add(Claim.forListedGp(RuleId.R14, course.startedAt(), course.ref()));
          break;
        default: // GP, substitute, municipal nursing
          claims.add(Claim.forListedGp(RuleId.R13, course.startedAt(), course.ref()));
          break;
      }
    }
    return claims;
  }
}
