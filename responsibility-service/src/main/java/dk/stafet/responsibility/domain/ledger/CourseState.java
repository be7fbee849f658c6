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
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import dk.stafet.responsibility.domain.rules.RuleId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The mutable course state of one patient during a replay: applies events in event-time order and
 * decides by the rules, course by course through a {@link DecisionIndex}. Events that do not fit
 * the state (ending a course that never started, …) change nothing — the facts are kept anyway.
 */
final class CourseState {

  private final Set<String> cancelledAdmissions;
  private Organisation listedGp;
  private Instant deathAt;
  private final Courses<String, Admission> admissions = new Courses<>(Admission::ref);
  private final Courses<CourseRef, HospitalCourse> hospitalCourses =
      new Courses<>(HospitalCourse::ref);
  private final Courses<String, AcuteFunctionCourse> acuteCourses =
      new Courses<>(AcuteFunctionCourse::ref);
  private final Courses<String, Referral> referrals = new Courses<>(Referral::ref);
  private final Courses<String, SpecialistCourse> specialistCourses =
      new Courses<>(SpecialistCourse::ref);
  private final Courses<String, Transfer> transfers = new Courses<>(Transfer::ref);
  private NamedDoctor namedDoctor;
  private RuleId returnedBy;

  /** The courses changed since the index last saw them. */
  private final Set<CourseRef> changed = new HashSet<>();

  private final DecisionIndex index;

  /**
   * @param cancelledAdmissions R8: admissions cancelled anywhere in the facts are void at every
   *     instant
   * @param rules the rules {@link #decide} decides by
   */
  CourseState(Set<String> cancelledAdmissions, ResponsibilityRules rules) {
    this(Set.copyOf(cancelledAdmissions), new DecisionIndex(rules));
  }

  private CourseState(Set<String> cancelledAdmissions, DecisionIndex index) {
    this.cancelledAdmissions = cancelledAdmissions;
    this.index = index;
  }

  /** An independent copy: the courses are immutable values, the maps keep their order. */
  CourseState copy() {
    CourseState copy = new CourseState(cancelledAdmissions, index.copy());
    copy.listedGp = listedGp;
    copy.deathAt = deathAt;
    copy.admissions.copyFrom(admissions);
    copy.hospitalCourses.copyFrom(hospitalCourses);
    copy.acuteCourses.copyFrom(acuteCourses);
    copy.referrals.copyFrom(referrals);
    copy.specialistCourses.copyFrom(specialistCourses);
    copy.transfers.copyFrom(transfers);
    copy.namedDoctor = namedDoctor;
    copy.returnedBy = returnedBy;
    copy.changed.addAll(changed);
    return copy;
  }

  boolean isDead() {
    return deathAt != null;
  }

  /**
   * The whole situation, every course in it: what the rules' plain {@code decide} reads, and what
   * {@code DecisionIndexPropertiesTest} holds {@link #decide} equal to.
   */
  PatientSituation snapshot(ResponsibilityDecision previous) {
    PatientSituation.Builder b = withoutCourses(previous);
    admissions.values().forEach(b::admission);
    hospitalCourses.values().forEach(b::hospitalCourse);
    acuteCourses.values().forEach(b::acuteCourse);
    referrals.values().forEach(b::referral);
    specialistCourses.values().forEach(b::specialistCourse);
    transfers.values().forEach(b::transfer);
    return b.build();
  }

  /**
   * The decision now, after {@code previous}: what {@code rules.decide(snapshot(previous))} gives,
   * from the {@link DecisionIndex} brought up to date with the courses changed since it was last
   * asked — every course only when a field outside the courses changed.
   */
  ResponsibilityDecision decide(ResponsibilityDecision previous) {
    PatientSituation context = withoutCourses(previous).build();
    if (!index.computedIn(context)) {
      index.reset(context);
      Stream.of(admissions, hospitalCourses, acuteCourses, referrals, specialistCourses, transfers)
          .forEach(courses -> courses.refs().forEach(changed::add));
    }
    for (CourseRef course : changed) {
      index.put(course, withOnly(course, previous));
    }
    changed.clear();
    return index.decide();
  }

  private PatientSituation.Builder withoutCourses(ResponsibilityDecision previous) {
    return PatientSituation.builder()
        .listedGp(listedGp)
        .deathAt(deathAt)
        .namedDoctor(namedDoctor)
        .returnedBy(returnedBy)
        .previous(previous);
  }

  /** The situation without courses plus this one course; null when the course is not active. */
  private PatientSituation withOnly(CourseRef course, ResponsibilityDecision previous) {
    PatientSituation.Builder b = withoutCourses(previous);
    boolean active =
        switch (course.kind()) {
          case ADMISSION -> admissions.addTo(course.id(), b::admission);
          case OUTPATIENT, FOLLOW_UP, IV_AT_HOME ->
              hospitalCourses.addTo(course, b::hospitalCourse);
          case ACUTE_FUNCTION -> acuteCourses.addTo(course.id(), b::acuteCourse);
          case REFERRAL -> referrals.addTo(course.id(), b::referral);
          case SPECIALIST -> specialistCourses.addTo(course.id(), b::specialistCourse);
          case TRANSFER -> transfers.addTo(course.id(), b::transfer);
          case LISTED_GP -> throw new IllegalArgumentException("not a course: " + course);
        };
    return active ? b.build() : null;
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
      admissions.computeIfPresent(e.admissionId(), a -> withLeave(a, true));
    } else if (event instanceof LeaveEnded e) {
      admissions.computeIfPresent(e.admissionId(), a -> withLeave(a, false));
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

  /**
   * One kind of course by key, in the order they started; every change is noted in {@link
   * #changed}, so that {@link #decide} recomputes only the changed courses' shares. The only way
   * {@code apply} changes a course.
   */
  private final class Courses<K, V> {
    private final Map<K, V> byKey = new LinkedHashMap<>();
    private final Function<V, CourseRef> refOf;

    Courses(Function<V, CourseRef> refOf) {
      this.refOf = refOf;
    }

    V get(K key) {
      return byKey.get(key);
    }

    Collection<V> values() {
      return byKey.values();
    }

    Stream<CourseRef> refs() {
      return byKey.values().stream().map(refOf);
    }

    void put(K key, V value) {
      V old = byKey.put(key, value);
      if (old != null) {
        changed.add(refOf.apply(old));
      }
      changed.add(refOf.apply(value));
    }

    void putIfAbsent(K key, V value) {
      if (byKey.putIfAbsent(key, value) == null) {
        changed.add(refOf.apply(value));
      }
    }

    void computeIfPresent(K key, UnaryOperator<V> change) {
      V old = byKey.get(key);
      if (old != null) {
        put(key, change.apply(old));
      }
    }

    V remove(K key) {
      V old = byKey.remove(key);
      if (old != null) {
        changed.add(refOf.apply(old));
      }
      return old;
    }

    /** Adds the course under {@code key} to a situation; false when there is none. */
    boolean addTo(K key, Consumer<V> situation) {
      V value = byKey.get(key);
      if (value != null) {
        situation.accept(value);
      }
      return value != null;
    }

    void copyFrom(Courses<K, V> other) {
      byKey.putAll(other.byKey);
    }
  }
}
