package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.Referral;
import dk.stafet.responsibility.domain.course.ReferralState;
import dk.stafet.responsibility.domain.course.SpecialistCourse;
import java.time.Instant;
import java.util.Optional;

/**
 * R19 (proposal): while a practising-specialist course runs (or a referral to a specialist has
 * started: its first contact, R18) the GP stays PRD, but treatment responsibility is the
 * specialist's on weekdays 08–16 (R2) and the out-of-hours service's otherwise. R21: it changes
 * only the treatment column, and only when the GP level holds PRD. With several, the most recently
 * started specialist treats (as R21 orders courses); ties by course id, for determinism.
 */
public final class SpecialistTreatmentRule {

  private SpecialistTreatmentRule() {}

  /** The practising specialist that holds treatment responsibility in GP hours, if any. */
  public static Optional<Organisation> treatingSpecialist(PatientSituation situation) {
    Organisation best = null;
    Instant bestSince = null;
    String bestId = null;
    for (SpecialistCourse course : situation.specialistCourses()) {
      if (later(course.startedAt(), course.courseId(), bestSince, bestId)) {
        best = course.specialist();
        bestSince = course.startedAt();
        bestId = course.courseId();
      }
    }
    for (Referral referral : situation.referrals()) {
      if (referral.state() == ReferralState.STARTED
          && !referral.receiver().isHospital()
          && referral.handedOverTo().isEmpty()
          && later(referral.startedAt().orElseThrow(), referral.referralId(), bestSince, bestId)) {
        best = referral.receiver();
        bestSince = referral.startedAt().get();
        bestId = referral.referralId();
      }
    }
    return Optional.ofNullable(best);
  }

  public static boolean applies(PatientSituation situation) {
    return treatingSpecialist(situation).isPresent();
  }

  private static boolean later(Instant since, String id, Instant bestSince, String bestId) {
    if (bestSince == null) {
      return true;
    }
    int byTime = since.compareTo(bestSince);
    return byTime > 0 || byTime == 0 && id.compareTo(bestId) < 0;
  }
}
