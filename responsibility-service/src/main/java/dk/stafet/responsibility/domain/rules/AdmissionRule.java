package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.course.Admission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R6: an admitted patient (inpatient or emergency contact) has the admitting department as PRD, 24
 * h, from the admission instant. R7: leave does not end the admission. R8: a cancelled admission is
 * treated as never having happened, so it claims nothing.
 */
public final class AdmissionRule implements CourseRule {

  @Override
  public RuleId id() {
    return RuleId.R6;
  }

  @Override
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (Admission admission : situation.admissions()) {
      if (admission.cancelled()) {
        continue; // R8
      }
      RuleId rule =
          admission.handedOver() ? RuleId.R23 : admission.onLeave() ? RuleId.R7 : RuleId.R6;
      claims.add(
          new Claim(
              rule,
              Precedence.ADMISSION,
              Optional.of(admission.department()),
              admission.admittedAt(),
              admission.ref()));
    }
    return claims;
  }
}
