package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.HospitalCourse;
import java.util.ArrayList;
import java.util.List;

/**
 * R11: a hospital outpatient course, or hospital treatment unfinished at discharge, keeps the
 * hospital as PRD until the course ends or the GP accepts a handover (R23). R12: IV treatment at
 * home or in an acute function keeps the hospital as PRD until the IV treatment ends, even if the
 * acute course ends first (every IV course is hospital-owned, brief §9).
 */
public final class HospitalCourseRule implements CourseRule {

  @Override
  public RuleId id() {
    return RuleId.R11;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (HospitalCourse course : situation.hospitalCourses()) {
      RuleId rule =
          course.handedOver()
              ? RuleId.R23
              : course.kind() == CourseKind.IV_AT_HOME ? RuleId.R12 : RuleId.R11;
      claims.add(Claim.by(rule, course.owner(), course.startedAt(), course.ref()));
    }
    return claims;
  }
}
