package dk.stafet.referral.course.service;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.referral.course.AcuteForm;
import dk.stafet.referral.course.Course;
import dk.stafet.referral.course.CourseKind;
import dk.stafet.referral.course.CourseTransition.Aggregate;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.ReferrerKind;
import dk.stafet.referral.course.lifecycle.CourseLifecycle;
import dk.stafet.referral.course.lifecycle.CourseState;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.audit.AuditLog;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Acute-function, hospital outpatient, IV-at-home and practising-specialist courses, and declined
 * acute referrals. The course owner registers start and end; each publishes its {@code *_STARTED} /
 * {@code *_ENDED} CourseEvent.
 */
@ApplicationScoped
@Transactional
public class CourseService {

  /** Which kind of organisation may own each kind of course. */
  private static final Map<CourseKind, Set<OrganisationKind>> OWNERS =
      Map.of(
          CourseKind.ACUTE_FUNCTION,
          EnumSet.of(OrganisationKind.MUNICIPALITY),
          CourseKind.OUTPATIENT,
          Organisations.HOSPITAL,
          CourseKind.IV_TREATMENT,
          Organisations.HOSPITAL,
          CourseKind.SPECIALIST,
          EnumSet.of(OrganisationKind.SPECIALIST));

  /** Which kind of organisation each kind of acute-function referrer is. */
  private static final Map<ReferrerKind, Set<OrganisationKind>> REFERRERS =
      Map.of(
          ReferrerKind.HOSPITAL, Organisations.HOSPITAL,
          ReferrerKind.GP, EnumSet.of(OrganisationKind.GP),
          ReferrerKind.OUT_OF_HOURS, EnumSet.of(OrganisationKind.OUT_OF_HOURS),
          ReferrerKind.MUNICIPAL_NURSING, EnumSet.of(OrganisationKind.MUNICIPALITY));

  private final Patients patients;
  private final Organisations organisations;
  private final FactRecorder facts;
  private final AuditLog audit;

  public CourseService(
      Patients patients, Organisations organisations, FactRecorder facts, AuditLog audit) {
    this.patients = patients;
    this.organisations = organisations;
    this.facts = facts;
    this.audit = audit;
  }

  /** Starts a course owned by the acting organisation. */
  public CourseView start(String actorSor, StartCourse command) {
    Log.debugf("Starting a %s course at %s", command.kind(), command.ownerSor());
    Instant at = Occurrence.orNow(command.occurredAt());
    organisations.require("ownerSor", command.ownerSor(), OWNERS.get(command.kind()));
    if (!command.ownerSor().equals(actorSor)) {
      throw new NotTheActorException("starting a course", "organisation running it (ownerSor)");
    }
    Course course = new Course();
    course.id = UUID.randomUUID();
    course.kind = command.kind();
    course.ownerSor = command.ownerSor();
    switch (command.kind()) {
      case ACUTE_FUNCTION -> {
        requireAcuteReferrer(command.referrerKind(), command.referrerSor());
        if (command.form() == null) {
          throw new InvalidCommandException(
              "an acute-function course needs its form (TEAM or PLACE)");
        }
        course.referrerKind = command.referrerKind();
        course.referrerSor = command.referrerSor();
        course.form = command.form();
      }
      case IV_TREATMENT -> {
        if (command.administeredBySor() != null) {
          organisations.require(
              "administeredBySor", command.administeredBySor(), Organisations.ANY);
          course.administeredBySor = command.administeredBySor();
        }
      }
      case SPECIALIST, OUTPATIENT -> {
        if (command.referrerSor() != null) {
          organisations.require("referrerSor", command.referrerSor(), Organisations.ANY);
          course.referrerSor = command.referrerSor();
        }
      }
      default -> throw new IllegalStateException("unknown course kind " + command.kind());
    }
    Patient patient = patients.findOrCreate(command.cpr());
    course.patientKey = patient.patientKey;
    course.state = CourseLifecycle.started();
    course.startedAt = at;
    course.persist();
    fact(course, patient, "START", null, command.kind().startedEvent(), at, actorSor)
        // Out-of-hours doctors refer to acute places only exceptionally (003 §3.1): accepted, and
        // flagged.
        .detail(
            "exceptional",
            course.referrerKind == ReferrerKind.OUT_OF_HOURS && course.form == AcuteForm.PLACE
                ? "true"
                : null)
        .record();
    return CourseView.of(course, false);
  }

  /** Ends course {@code id}; only its owner may. */
  public CourseView end(UUID id, String actorSor, EndCourse command) {
    Log.debugf("Ending course %s", id);
    Instant at = Occurrence.orNow(command.occurredAt());
    Course course = Course.findById(id);
    if (course == null || !Patients.maySee(actorSor, patients.byKey(course.patientKey), course)) {
      throw new UnknownResourceException("course");
    }
    if (!course.ownerSor.equals(actorSor)) {
      throw new NotTheActorException("ending a course", "organisation running it");
    }
    CourseState from = course.state;
    CourseState to = CourseLifecycle.next(from, CourseLifecycle.Transition.END);
    if (course.kind == CourseKind.ACUTE_FUNCTION && command.exit() == null) {
      throw new InvalidCommandException(
          "an acute-function course ends with an exit (HOME, ADMITTED, OUTPATIENT, "
              + "MUNICIPAL_CARE or GP_FOLLOW_UP)");
    }
    if (course.kind != CourseKind.ACUTE_FUNCTION && command.exit() != null) {
      throw new InvalidCommandException("only acute-function courses have an exit");
    }
    Occurrence.notBefore(at, course.startedAt, "course started");
    course.state = to;
    course.exit = command.exit();
    course.endedAt = at;
    Flush.now("course");
    fact(
            course,
            patients.byKey(course.patientKey),
            "END",
            from,
            course.kind.endedEvent(),
            at,
            actorSor)
        .record();
    return CourseView.of(course, false);
  }

  /**
   * Records an acute-function referral the acting acute function declined; publishes
   * ACUTE_REFERRAL_DECLINED.
   */
  public CourseView declineAcuteReferral(String actorSor, DeclineAcuteReferral command) {
    Log.debugf("Acute referral declined at %s", command.acuteFunctionSor());
    Instant at = Occurrence.orNow(command.occurredAt());
    organisations.require(
        "acuteFunctionSor", command.acuteFunctionSor(), OWNERS.get(CourseKind.ACUTE_FUNCTION));
    if (!command.acuteFunctionSor().equals(actorSor)) {
      throw new NotTheActorException(
          "declining an acute referral", "acute function (acuteFunctionSor)");
    }
    requireAcuteReferrer(command.referrerKind(), command.referrerSor());
    Patient patient = patients.findOrCreate(command.cpr());
    Course course = new Course();
    course.id = UUID.randomUUID();
    course.patientKey = patient.patientKey;
    course.kind = CourseKind.ACUTE_FUNCTION;
    course.ownerSor = command.acuteFunctionSor();
    course.state = CourseLifecycle.declined();
    course.referrerKind = command.referrerKind();
    course.referrerSor = command.referrerSor();
    course.reason =
        command.reason() == null || command.reason().isBlank() ? null : command.reason().trim();
    course.declinedAt = at;
    course.persist();
    fact(course, patient, "DECLINE", null, CourseEventType.ACUTE_REFERRAL_DECLINED, at, actorSor)
        .detail("reason", course.reason)
        .record();
    return CourseView.of(course, false);
  }

  /** One course with its history, if the caller may see it; the read is audited. */
  public CourseView get(UUID id, String callerSor) {
    Course course = Course.findById(id);
    if (course == null) {
      throw new UnknownResourceException("course");
    }
    if (!Patients.maySee(callerSor, patients.byKey(course.patientKey), course)) {
      audit.denied(callerSor, "READ", course.patientKey, "COURSE", id.toString());
      throw new UnknownResourceException("course");
    }
    audit.read(callerSor, "READ", course.patientKey, "COURSE", id.toString());
    return CourseView.of(course, true);
  }

  private void requireAcuteReferrer(ReferrerKind kind, String referrerSor) {
    if (kind == null || referrerSor == null || referrerSor.isBlank()) {
      throw new InvalidCommandException(
          "an acute-function referral needs referrerKind and referrerSor");
    }
    organisations.require("referrerSor", referrerSor, REFERRERS.get(kind));
  }

  private FactRecorder.Fact fact(
      Course course,
      Patient patient,
      String transition,
      CourseState from,
      CourseEventType type,
      Instant at,
      String actorSor) {
    return facts
        .fact(Aggregate.COURSE, course.id.toString(), patient, transition)
        .states(from, course.state)
        .at(at)
        .by(actorSor)
        .event(
            type,
            course.ownerSor,
            course.kind == CourseKind.IV_TREATMENT ? course.administeredBySor : course.referrerSor)
        .detail("courseKind", course.kind)
        .detail("referrerKind", course.referrerKind)
        .detail("form", course.form)
        .detail("exit", course.exit);
  }
}
