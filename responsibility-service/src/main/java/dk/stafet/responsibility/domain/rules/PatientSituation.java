package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AcuteFunctionCourse;
import dk.stafet.responsibility.domain.course.Admission;
import dk.stafet.responsibility.domain.course.HospitalCourse;
import dk.stafet.responsibility.domain.course.NamedDoctor;
import dk.stafet.responsibility.domain.course.Referral;
import dk.stafet.responsibility.domain.course.SpecialistCourse;
import dk.stafet.responsibility.domain.course.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules need to know about one patient at one instant: the active courses, the
 * listed GP (may be absent), death, the named doctor (R27), how responsibility last returned to the
 * GP ({@code returnedBy}: R9, R15 — for the decision's rule id) and the decision in force just
 * before ({@code previous}: R26 lets the previous holder keep responsibility when a rule finds no
 * receiver).
 */
public record PatientSituation(
    Optional<Organisation> listedGp,
    Optional<Instant> deathAt,
    List<Admission> admissions,
    List<HospitalCourse> hospitalCourses,
    List<AcuteFunctionCourse> acuteCourses,
    List<Referral> referrals,
    List<SpecialistCourse> specialistCourses,
    List<Transfer> transfers,
    Optional<NamedDoctor> namedDoctor,
    Optional<RuleId> returnedBy,
    Optional<ResponsibilityDecision> previous) {

  public PatientSituation {
    Objects.requireNonNull(listedGp, "listedGp");
    listedGp.ifPresent(
        gp -> {
          if (gp.kind() != OrganisationKind.GP) {
            throw new IllegalArgumentException("listed GP must be a GP");
          }
        });
    Objects.requireNonNull(deathAt, "deathAt");
    admissions = List.copyOf(admissions);
    hospitalCourses = List.copyOf(hospitalCourses);
    acuteCourses = List.copyOf(acuteCourses);
    referrals = List.copyOf(referrals);
    specialistCourses = List.copyOf(specialistCourses);
    transfers = List.copyOf(transfers);
    Objects.requireNonNull(namedDoctor, "namedDoctor");
    Objects.requireNonNull(returnedBy, "returnedBy");
    Objects.requireNonNull(previous, "previous");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Convenience for tests and callers that assemble a situation by hand. */
  public static final class Builder {
    private Organisation listedGp;
    private Instant deathAt;
    private final List<Admission> admissions = new ArrayList<>();
    private final List<HospitalCourse> hospitalCourses = new ArrayList<>();
    private final List<AcuteFunctionCourse> acuteCourses = new ArrayList<>();
    private final List<Referral> referrals = new ArrayList<>();
    private final List<SpecialistCourse> specialistCourses = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private NamedDoctor namedDoctor;
    private RuleId returnedBy;
    private ResponsibilityDecision previous;

    private Builder() {}

    public Builder listedGp(Organisation gp) {
      this.listedGp = gp;
      return this;
    }

    public Builder deathAt(Instant at) {
      this.deathAt = at;
      return this;
    }

    public Builder admission(Admission a) {
      admissions.add(a);
      return this;
    }

    public Builder hospitalCourse(HospitalCourse c) {
      hospitalCourses.add(c);
      return this;
    }

    public Builder acuteCourse(AcuteFunctionCourse c) {
      acuteCourses.add(c);
      return this;
    }

    public Builder referral(Referral r) {
      referrals.add(r);
      return this;
    }

    public Builder specialistCourse(SpecialistCourse c) {
      specialistCourses.add(c);
      return this;
    }

    public Builder transfer(Transfer t) {
      transfers.add(t);
      return this;
    }

    public Builder namedDoctor(NamedDoctor d) {
      this.namedDoctor = d;
      return this;
    }

    public Builder returnedBy(RuleId rule) {
      this.returnedBy = rule;
      return this;
    }

    public Builder previous(ResponsibilityDecision decision) {
      this.previous = decision;
      return this;
    }

    public PatientSituation build() {
      return new PatientSituation(
          Optional.ofNullable(listedGp),
          Optional.ofNullable(deathAt),
          admissions,
          hospitalCourses,
          acuteCourses,
          referrals,
          specialistCourses,
          transfers,
          Optional.ofNullable(namedDoctor),
          Optional.ofNullable(returnedBy),
          Optional.ofNullable(previous));
    }
  }
}
