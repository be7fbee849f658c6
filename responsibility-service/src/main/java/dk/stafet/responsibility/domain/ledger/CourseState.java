package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AcuteFunctionCourse;
import dk.stafet.responsibility.domain.course.Admission;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AcuteFunctionCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.AcuteFunctionCourseStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.Death;
import dk.stafet.responsibility.domain.course.CourseEvent.Discharged;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseEvent.IvTreatmentEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.IvTreatmentStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.LeaveEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.LeaveStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ListedGpChanged;
import dk.stafet.responsibility.domain.course.CourseEvent.OutpatientCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.OutpatientCourseStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralReceived;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralVisited;
import dk.stafet.responsibility.domain.course.CourseEvent.ResponsibleDoctorAssigned;
import dk.stafet.responsibility.domain.course.CourseEvent.SpecialistCourseEnded;
import dk.stafet.responsibility.domain.course.CourseEvent.SpecialistCourseStarted;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.course.HospitalCourse;
import dk.stafet.responsibility.domain.course.NamedDoctor;
import dk.stafet.responsibility.domain.course.Referral;
import dk.stafet.responsibility.domain.course.ReferralState;
import dk.stafet.responsibility.domain.course.SpecialistCourse;
import dk.stafet.responsibility.domain.course.Transfer;
import dk.stafet.responsibility.domain.rules.PatientSituation;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.RuleId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The mutable course state of one patient during a replay: applies events in event-time order and
 * takes immutable {@link PatientSituation} snapshots for the rules. Events that do not fit the
 * state (ending a course that never started, …) change nothing — the facts are kept anyway.
 */
final class CourseState {

  private final Set<String> cancelledAdmissions;
  private Organisation listedGp;
  private Instant deathAt;
  private final Map<String, Admission> admissions = new LinkedHashMap<>();
  private final Map<CourseRef, HospitalCourse> hospitalCourses = new LinkedHashMap<>();
  private final Map<String, AcuteFunctionCourse> acuteCourses = new LinkedHashMap<>();
  private final Map<String, Referral> referrals = new LinkedHashMap<>();
  private final Map<String, SpecialistCourse> specialistCourses = new LinkedHashMap<>();
  private final Map<String, Transfer> transfers = new LinkedHashMap<>();
  private NamedDoctor namedDoctor;
  private RuleId returnedBy;

  /**
   * @param cancelledAdmissions R8: admissions cancelled anywhere in the facts are void at every
   *     instant
   */
  CourseState(Set<String> cancelledAdmissions) {
    this.cancelledAdmissions = Set.copyOf(cancelledAdmissions);
  }

  /** An independent copy: the courses are immutable values, the maps keep their order. */
  CourseState copy() {
    CourseState copy = new CourseState(cancelledAdmissions);
    copy.listedGp = listedGp;
    copy.deathAt = deathAt;
    copy.admissions.putAll(admissions);
    copy.hospitalCourses.putAll(hospitalCourses);
    copy.acuteCourses.putAll(acuteCourses);
    copy.referrals.putAll(referrals);
    copy.specialistCourses.putAll(specialistCourses);
    copy.transfers.putAll(transfers);
    copy.namedDoctor = namedDoctor;
    copy.returnedBy = returnedBy;
    return copy;
  }

  boolean isDead() {
    return deathAt != null;
  }

  PatientSituation snapshot(ResponsibilityDecision previous) {
    PatientSituation.Builder b =
        PatientSituation.builder()
            .listedGp(listedGp)
            .deathAt(deathAt)
            .namedDoctor(namedDoctor)
            .returnedBy(returnedBy)
            .previous(previous);
    admissions.values().forEach(b::admission);
    hospitalCourses.values().forEach(b::hospitalCourse);
    acuteCourses.values().forEach(b::acuteCourse);
    referrals.values().forEach(b::referral);
    specialistCourses.values().forEach(b::specialistCourse);
    transfers.values().forEach(b::transfer);
    return b.build();
  }

  /**
   * Apply one event. {@code decisionNow} gives the decision in force just before this event at its
   * instant; only handovers and named-doctor assignments need it.
   */
  void apply(CourseEvent event, Supplier<ResponsibilityDecision> decisionNow) {
    Instant at = event.occurredAt();
    if (event instanceof ListedGpChanged e) {
      listedGp = e.gp().orElse(null);
    } else if (event instanceof AdmissionStarted e) {
      admissions.putIfAbsent(
          e.admissionId(),
          new Admission(
              e.admissionId(),
              e.department(),
              e.form(),
              at,
              false,
              cancelledAdmissions.contains(e.admissionId()),
              false));
    } else if (event instanceof LeaveStarted e) {
      admissions.computeIfPresent(e.admissionId(), (id, a) -> withLeave(a, true));
    } else if (event instanceof LeaveEnded e) {
      admissions.computeIfPresent(e.admissionId(), (id, a) -> withLeave(a, false));
    } else if (event instanceof Discharged e) {
      discharge(e);
    } else if (event instanceof OutpatientCourseStarted e) {
      CourseRef ref = new CourseRef(CourseKind.OUTPATIENT, e.courseId());
      hospitalCourses.putIfAbsent(
          ref, new HospitalCourse(e.courseId(), CourseKind.OUTPATIENT, e.department(), at, false));
    } else if (event instanceof OutpatientCourseEnded e) {
      boolean ended =
          hospitalCourses.remove(new CourseRef(CourseKind.OUTPATIENT, e.courseId())) != null;
      ended |= hospitalCourses.remove(new CourseRef(CourseKind.FOLLOW_UP, e.courseId())) != null;
      if (ended) {
        returnedBy = RuleId.R9;
      }
    } else if (event instanceof IvTreatmentStarted e) {
      CourseRef ref = new CourseRef(CourseKind.IV_AT_HOME, e.courseId());
      hospitalCourses.putIfAbsent(
          ref, new HospitalCourse(e.courseId(), CourseKind.IV_AT_HOME, e.department(), at, false));
    } else if (event instanceof IvTreatmentEnded e) {
      if (hospitalCourses.remove(new CourseRef(CourseKind.IV_AT_HOME, e.courseId())) != null) {
        returnedBy = RuleId.R9;
      }
    } else if (event instanceof AcuteFunctionCourseStarted e) {
      acuteCourses.putIfAbsent(
          e.courseId(),
          new AcuteFunctionCourse(
              e.courseId(), e.municipality(), e.referrer(), e.form(), at, Optional.empty()));
    } else if (event instanceof AcuteFunctionCourseEnded e) {
      if (acuteCourses.remove(e.courseId()) != null) {
        returnedBy = RuleId.R15; // R15: passes automatically back (R25)
      }
    } else if (event instanceof ReferralReceived e) {
      referrals.putIfAbsent(
          e.referralId(),
          new Referral(
              e.referralId(),
              e.referrer(),
              e.receiver(),
              ReferralState.RECEIVED,
              at,
              Optional.empty(),
              Optional.empty()));
    } else if (event instanceof ReferralVisited e) {
      visit(e);
    } else if (event instanceof ReferralStarted e) {
      Referral r = referrals.get(e.referralId());
      if (r != null && r.state().isPending()) {
        referrals.put(
            r.referralId(),
            new Referral(
                r.referralId(),
                r.referrer(),
                r.receiver(),
                ReferralState.STARTED,
                r.receivedAt(),
                Optional.of(at),
                r.handedOverTo()));
      }
    } else if (event instanceof ReferralEnded e) {
      endReferral(e);
    } else if (event instanceof SpecialistCourseStarted e) {
      specialistCourses.putIfAbsent(
          e.courseId(), new SpecialistCourse(e.courseId(), e.specialist(), at));
    } else if (event instanceof SpecialistCourseEnded e) {
      specialistCourses.remove(e.courseId());
    } else if (event instanceof Death) {
      deathAt = at; // R20
    } else if (event instanceof HandoverAccepted e) {
      acceptHandover(e);
    } else if (event instanceof ResponsibleDoctorAssigned e) {
      assignDoctor(e, decisionNow.get());
    }
    // AdmissionCancelled (R8) is handled up front for every instant; AcuteReferralDeclined (R16)
    // changes nothing by definition.
  }

  /**
   * R27: a named doctor belongs to one holding period; when PRD leaves the organisation it lapses.
   */
  void forgetNamedDoctorUnlessHeldBy(ResponsibilityDecision decision) {
    if (namedDoctor == null) {
      return;
    }
    boolean held =
        decision
            .prd()
            .map(p -> p.organisation().id().equals(namedDoctor.organisation().id()))
            .orElse(false);
    if (!held) {
      namedDoctor = null;
    }
  }

  private static Admission withLeave(Admission a, boolean onLeave) {
    return new Admission(
        a.admissionId(),
        a.department(),
        a.form(),
        a.admittedAt(),
        onLeave,
        a.cancelled(),
        a.handedOver());
  }

  private void discharge(Discharged e) {
    Admission a = admissions.remove(e.admissionId());
    if (a == null || a.cancelled()) {
      return; // R8: a cancelled admission has no discharge either
    }
    if (e.unfinishedHospitalTreatment()) {
      // R11: the hospital keeps a follow-up course until it ends or the GP accepts a handover.
      hospitalCourses.putIfAbsent(
          new CourseRef(CourseKind.FOLLOW_UP, a.admissionId()),
          new HospitalCourse(
              a.admissionId(), CourseKind.FOLLOW_UP, a.department(), e.occurredAt(), false));
    } else {
      returnedBy = RuleId.R9;
    }
  }

  private void visit(ReferralVisited e) {
    Referral r = referrals.get(e.referralId());
    if (r == null || !r.state().isPending()) {
      return;
    }
    switch (e.outcome()) {
      case ACCEPTED:
        referrals.put(
            r.referralId(),
            new Referral(
                r.referralId(),
                r.referrer(),
                r.receiver(),
                ReferralState.ACCEPTED,
                r.receivedAt(),
                Optional.empty(),
                r.handedOverTo()));
        break;
      case FORWARDED:
        referrals.put(
            r.referralId(),
            new Referral(
                r.referralId(),
                r.referrer(),
                e.forwardedTo().orElseThrow(),
                ReferralState.FORWARDED,
                r.receivedAt(),
                Optional.empty(),
                r.handedOverTo()));
        break;
      default: // REJECTED: the referrer keeps PRD and gets an answer (R17, C6)
        referrals.remove(r.referralId());
        break;
    }
  }

  private void endReferral(ReferralEnded e) {
    Referral r = referrals.remove(e.referralId());
    if (r == null) {
      return;
    }
    Organisation holder = r.handedOverTo().orElse(r.receiver());
    if (e.unfinishedHospitalTreatment()
        && r.state() == ReferralState.STARTED
        && holder.isHospital()) {
      // R18 → R11: unfinished hospital treatment continues as a follow-up course.
      hospitalCourses.putIfAbsent(
          new CourseRef(CourseKind.FOLLOW_UP, r.referralId()),
          new HospitalCourse(r.referralId(), CourseKind.FOLLOW_UP, holder, e.occurredAt(), false));
    } else {
      returnedBy = RuleId.R9; // R18 → R9
    }
  }

  /**
   * R23: the course moves to the receiver at the acceptance instant — provided the proposer still
   * owns it in the (corrected) history. A course that no longer exists, or that was cancelled (R8),
   * moves nothing.
   */
  private void acceptHandover(HandoverAccepted e) {
    CourseRef course = e.course();
    Optional<Organisation> owner = ownerOf(course);
    if (owner.isEmpty() || !owner.get().id().equals(e.proposer().id())) {
      return;
    }
    Organisation to = e.receiver();
    switch (course.kind()) {
      case ADMISSION:
        {
          Admission a = admissions.get(course.id());
          if (!to.isHospital()) {
            return; // an admitted patient's PRD is a hospital department (R6)
          }
          admissions.put(
              a.admissionId(),
              new Admission(
                  a.admissionId(), to, a.form(), a.admittedAt(), a.onLeave(), a.cancelled(), true));
          break;
        }
      case OUTPATIENT:
      case FOLLOW_UP:
      case IV_AT_HOME:
        {
          HospitalCourse c = hospitalCourses.get(course);
          hospitalCourses.put(
              course, new HospitalCourse(c.courseId(), c.kind(), to, c.startedAt(), true));
          break;
        }
      case ACUTE_FUNCTION:
        {
          AcuteFunctionCourse c = acuteCourses.get(course.id());
          acuteCourses.put(
              c.courseId(),
              new AcuteFunctionCourse(
                  c.courseId(),
                  c.municipality(),
                  c.referrer(),
                  c.form(),
                  c.startedAt(),
                  Optional.of(to)));
          break;
        }
      case REFERRAL:
        {
          Referral r = referrals.get(course.id());
          referrals.put(
              r.referralId(),
              new Referral(
                  r.referralId(),
                  r.referrer(),
                  r.receiver(),
                  r.state(),
                  r.receivedAt(),
                  r.startedAt(),
                  Optional.of(to)));
          break;
        }
      case TRANSFER:
        transfers.remove(course.id());
        transfers.put(e.handoverId(), new Transfer(e.handoverId(), to, e.occurredAt()));
        break;
      default: // LISTED_GP: the GP held PRD without a course of its own
        transfers.put(e.handoverId(), new Transfer(e.handoverId(), to, e.occurredAt()));
        break;
    }
    namedDoctor = e.receivingDoctor().map(d -> new NamedDoctor(to, d)).orElse(null);
  }

  /** Who owns a course now, i.e. who could hand it over. */
  private Optional<Organisation> ownerOf(CourseRef course) {
    switch (course.kind()) {
      case ADMISSION:
        return Optional.ofNullable(admissions.get(course.id()))
            .filter(a -> !a.cancelled())
            .map(Admission::department);
      case OUTPATIENT:
      case FOLLOW_UP:
      case IV_AT_HOME:
        return Optional.ofNullable(hospitalCourses.get(course)).map(HospitalCourse::owner);
      case ACUTE_FUNCTION:
        return Optional.ofNullable(acuteCourses.get(course.id()))
            .flatMap(
                c ->
                    c.handedOverTo().isPresent()
                        ? c.handedOverTo()
                        : c.referrer().isHospital()
                            ? Optional.of(c.referrer())
                            : Optional.ofNullable(listedGp));
      case REFERRAL:
        return Optional.ofNullable(referrals.get(course.id())).flatMap(this::ownerOf);
      case TRANSFER:
        return Optional.ofNullable(transfers.get(course.id())).map(Transfer::owner);
      default:
        return Optional.ofNullable(listedGp);
    }
  }

  private Optional<Organisation> ownerOf(Referral r) {
    if (r.handedOverTo().isPresent()) {
      return r.handedOverTo();
    }
    if (r.state() == ReferralState.STARTED) {
      return r.receiver().isHospital() ? Optional.of(r.receiver()) : Optional.ofNullable(listedGp);
    }
    if (r.referrer().isHospital()
        || listedGp == null && r.referrer().kind() == OrganisationKind.GP) {
      return Optional.of(r.referrer()); // R17, as ReferralRule claims it
    }
    return Optional.ofNullable(listedGp);
  }

  /**
   * R27: only the organisation holding PRD at that instant may name its doctor; others are refused.
   */
  private void assignDoctor(ResponsibleDoctorAssigned e, ResponsibilityDecision now) {
    boolean holds =
        now.prd().map(p -> p.organisation().id().equals(e.organisation().id())).orElse(false);
    if (holds) {
      namedDoctor = new NamedDoctor(now.prd().get().organisation(), e.doctor());
    }
  }
}
