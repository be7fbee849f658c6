package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.course.Referral;
import dk.stafet.responsibility.domain.course.ReferralState;
import dk.stafet.responsibility.domain.course.SpecialistCourse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

  /**
   * One course's bid to treat: a specialist course, or a started referral to a specialist. The
   * course is the specialist course's or the referral's.
   */
  public record Treatment(Organisation specialist, Instant since, CourseRef course) {

    /**
     * The treating one first: the most recently started, then the smaller course id; a specialist
     * course before a referral with the same instant and id (the order the rule always read them
     * in).
     */
    public static final Comparator<Treatment> TREATING_FIRST =
        Comparator.comparing(Treatment::since, Comparator.reverseOrder())
            .thenComparing(t -> t.course().id())
            .thenComparing(t -> t.course().kind() != CourseKind.SPECIALIST);

    public Treatment {
      Objects.requireNonNull(specialist, "specialist");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(course, "course");
    }
  }

  /** The practising specialist that holds treatment responsibility in GP hours, if any. */
  public static Optional<Organisation> treatingSpecialist(PatientSituation situation) {
    return treatments(situation).stream().min(Treatment.TREATING_FIRST).map(Treatment::specialist);
  }

  /** Every course's bid to treat, unordered; {@link #treatingSpecialist} is the first of them. */
  public static List<Treatment> treatments(PatientSituation situation) {
    List<Treatment> treatments = new ArrayList<>();
    for (SpecialistCourse course : situation.specialistCourses()) {
      treatments.add(new Treatment(course.specialist(), course.startedAt(), course.ref()));
    }
    for (Referral referral : situation.referrals()) {
      if (referral.state() == ReferralState.STARTED
          && !referral.receiver().isHospital()
          && referral.handedOverTo().isEmpty()) {
        treatments.add(
            new Treatment(referral.receiver(), referral.startedAt().orElseThrow(), referral.ref()));
      }
    }
    return treatments;
  }

  public static boolean applies(PatientSituation situation) {
    return treatingSpecialist(situation).isPresent();
  }
}
