package dk.stafet.referral.course.service;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.referral.course.CourseTransition.Aggregate;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.lifecycle.ReferralLifecycle;
import dk.stafet.referral.course.lifecycle.ReferralState;
import dk.stafet.referral.course.lifecycle.ReferralTransition;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.referral.waitingtime.WaitingTimes;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Referrals: received → visitation (accepted | rejected | forwarded) → started → ended. Every
 * change is written with its history row and its {@code REFERRAL_*} CourseEvent in one transaction.
 * Only the receiving organisation acts; once a referral is forwarded, the organisation it was
 * forwarded to visits (accepts or rejects), starts and ends it.
 */
@ApplicationScoped
@Transactional
public class ReferralService {

  private static final Set<OrganisationKind> RECEIVERS =
      EnumSet.of(
          OrganisationKind.HOSPITAL,
          OrganisationKind.HOSPITAL_DEPARTMENT,
          OrganisationKind.SPECIALIST);
  private static final Set<String> CANCER_RULES = Set.of("W1", "W2", "W3", "W4", "W5");

  private final Patients patients;
  private final Organisations organisations;
  private final FactRecorder facts;
  private final AuditLog audit;
  private final WaitingTimes waitingTimes;
  private final CallerRoles roles;

  public ReferralService(
      Patients patients,
      Organisations organisations,
      FactRecorder facts,
      AuditLog audit,
      WaitingTimes waitingTimes,
      CallerRoles roles) {
    this.patients = patients;
    this.organisations = organisations;
    this.facts = facts;
    this.audit = audit;
    this.waitingTimes = waitingTimes;
    this.roles = roles;
  }

  /**
   * Records a referral the acting organisation (its receiver) has received; publishes
   * REFERRAL_RECEIVED.
   */
  public ReferralView receive(String actorSor, ReceiveReferral command) {
    Log.debugf("Receiving a referral at %s", command.receiverSor());
    Instant at = Occurrence.orNow(command.occurredAt());
    organisations.require("referrerSor", command.referrerSor(), Organisations.ANY);
    organisations.require("receiverSor", command.receiverSor(), RECEIVERS);
    if (!command.receiverSor().equals(actorSor)) {
      throw new NotTheActorException(
          "receiving a referral", "receiving organisation (receiverSor)");
    }
    if (command.waitingTimeRule() != null
        && CANCER_RULES.contains(command.waitingTimeRule().name()) != command.cancer()) {
      throw new InvalidCommandException(
          "waitingTimeRule "
              + command.waitingTimeRule()
              + (command.cancer()
                  ? " is not a cancer rule (W1–W5)"
                  : " applies to cancer pathways only; set cancer"));
    }
    Patient patient = patients.findOrCreate(command.cpr());
    Referral referral = new Referral();
    referral.id = UUID.randomUUID();
    referral.patientKey = patient.patientKey;
    referral.referrerSor = command.referrerSor();
    referral.receiverSor = command.receiverSor();
    referral.state = ReferralLifecycle.initial();
    referral.cancer = command.cancer();
    referral.conditionCode = command.conditionCode();
    referral.waitingTimeRule = command.waitingTimeRule();
    referral.receivedAt = at;
    referral.persist();
    fact(
            referral,
            patient,
            "RECEIVE",
            null,
            CourseEventType.REFERRAL_RECEIVED,
            at,
            actorSor,
            referral.receiverSor)
        .record();
    return ReferralView.of(referral, false);
  }

  /**
   * The receiver's visitation decision; publishes REFERRAL_ACCEPTED, _REJECTED or _FORWARDED. The
   * new receiver of a forwarded referral visits it the same way (the event then names it as
   * organisation, and {@code forwardedFrom}).
   */
  public ReferralView visit(UUID id, String actorSor, Visitation command) {
    Log.debugf("Visitation of referral %s: %s", id, command.decision());
    Instant at = Occurrence.orNow(command.occurredAt());
    Referral referral = forWrite(id, actorSor, "the visitation of a referral");
    Patient patient = patients.byKey(referral.patientKey);
    ReferralTransition transition =
        switch (command.decision()) {
          case ACCEPTED -> ReferralTransition.ACCEPT;
          case REJECTED -> ReferralTransition.REJECT;
          case FORWARDED -> ReferralTransition.FORWARD;
        };
    ReferralState from = referral.state;
    ReferralState to = ReferralLifecycle.next(from, transition);
    Occurrence.notBefore(
        at,
        from == ReferralState.FORWARDED ? referral.visitedAt : referral.receivedAt,
        from == ReferralState.FORWARDED ? "referral was forwarded" : "referral was received");
    String visitingSor =
        referral.currentReceiverSor(); // the forwarding organisation, for a FORWARDED event
    CourseEventType type = CourseEventType.REFERRAL_ACCEPTED;
    if (transition == ReferralTransition.REJECT) {
      if (command.reason() == null || command.reason().isBlank()) {
        throw new InvalidCommandException(
            "a rejection needs a reason (the referrer gets an answer, C6)");
      }
      referral.reason = command.reason().trim();
      type = CourseEventType.REFERRAL_REJECTED;
    } else if (transition == ReferralTransition.FORWARD) {
      organisations.require("forwardedToSor", command.forwardedToSor(), RECEIVERS);
      if (command.forwardedToSor().equals(referral.receiverSor)) {
        throw new InvalidCommandException("a referral cannot be forwarded to its own receiver");
      }
      if (command.forwardedToSor().equals(referral.referrerSor)) {
        throw new InvalidCommandException(
            "a referral cannot be forwarded to its referrer; reject it instead (C6)");
      }
      referral.forwardedToSor = command.forwardedToSor();
      referral.reason = blankToNull(command.reason());
      type = CourseEventType.REFERRAL_FORWARDED;
    }
    referral.state = to;
    referral.visitedAt = at;
    touch(referral);
    fact(referral, patient, transition.name(), from, type, at, actorSor, visitingSor)
        .detail("reason", referral.reason)
        .detail(
            "forwardedTo",
            transition == ReferralTransition.FORWARD ? referral.forwardedToSor : null)
        .detail("forwardedFrom", from == ReferralState.FORWARDED ? referral.receiverSor : null)
        .record();
    return ReferralView.of(referral, false);
  }

  /** First contact: the referral course is in progress; publishes REFERRAL_STARTED. */
  public ReferralView start(UUID id, String actorSor, Instant occurredAt) {
    Log.debugf("Starting referral %s", id);
    Instant at = Occurrence.orNow(occurredAt);
    Referral referral = forWrite(id, actorSor, "starting a referral");
    ReferralState from = referral.state;
    referral.state = ReferralLifecycle.next(from, ReferralTransition.START);
    Occurrence.notBefore(at, referral.visitedAt, "referral was accepted");
    referral.startedAt = at;
    touch(referral);
    fact(
            referral,
            patients.byKey(referral.patientKey),
            "START",
            from,
            CourseEventType.REFERRAL_STARTED,
            at,
            actorSor,
            referral.currentReceiverSor())
        .record();
    return ReferralView.of(referral, false);
  }

  /** The referral course has ended; publishes REFERRAL_ENDED. */
  public ReferralView end(UUID id, String actorSor, Instant occurredAt) {
    Log.debugf("Ending referral %s", id);
    Instant at = Occurrence.orNow(occurredAt);
    Referral referral = forWrite(id, actorSor, "ending a referral");
    ReferralState from = referral.state;
    referral.state = ReferralLifecycle.next(from, ReferralTransition.END);
    Occurrence.notBefore(at, referral.startedAt, "referral was started");
    referral.endedAt = at;
    touch(referral);
    fact(
            referral,
            patients.byKey(referral.patientKey),
            "END",
            from,
            CourseEventType.REFERRAL_ENDED,
            at,
            actorSor,
            referral.currentReceiverSor())
        .record();
    return ReferralView.of(referral, false);
  }

  /** One referral with its history, if the caller may see it; the read is audited. */
  public ReferralView get(UUID id, String callerSor) {
    return ReferralView.of(readable(id, callerSor, "READ"), true, waitingTimes);
  }

  /**
   * The referral, if the caller may see it (the listed GP, the municipality, or a party to it; the
   * access rule); the read is audited under {@code action}, a refusal too.
   *
   * @throws UnknownResourceException if there is no such referral or the caller may not see it
   */
  public Referral readable(UUID id, String callerSor, String action) {
    Log.debugf("Reading referral %s", id);
    Referral referral = Referral.findById(id);
    if (referral == null) {
      throw new UnknownResourceException("referral");
    }
    if (!Patients.maySee(callerSor, patients.byKey(referral.patientKey), referral)) {
      audit.denied(callerSor, action, referral.patientKey, "REFERRAL", id.toString());
      throw new UnknownResourceException("referral");
    }
    audit.read(callerSor, action, referral.patientKey, "REFERRAL", id.toString());
    return referral;
  }

  /**
   * The patient's referrals the caller may see, as the patient lookup shows them: all of them for
   * the listed GP, the municipality, course coordinators and the patient portal of this citizen;
   * for anyone else those it is a party to. One audit row per call (the action prefixed when the
   * read rests on a role); nothing visible is a refusal, audited as DENIED, and so is an unknown
   * patient (without an audit row: there is no patient to name).
   *
   * @throws UnknownResourceException if the patient is unknown or the caller may see none of it
   */
  public List<Referral> visibleOfPatient(String patientKey, String callerSor, String action) {
    Patient patient = Patient.byKey(patientKey);
    if (patient == null) {
      throw new UnknownResourceException("patient");
    }
    boolean wholePatient = Patients.seesWholePatient(roles, callerSor, patient);
    List<Referral> visible =
        Referral.ofPatient(patientKey).stream()
            .filter(r -> wholePatient || r.involves(callerSor))
            .toList();
    String audited = roles.auditedAction(callerSor, action);
    if (visible.isEmpty() && !wholePatient) {
      audit.denied(callerSor, audited, patientKey, "REFERRALS", patientKey);
      throw new UnknownResourceException("patient");
    }
    audit.read(callerSor, audited, patientKey, "REFERRALS", patientKey);
    return visible;
  }

  private Referral forWrite(UUID id, String actorSor, String act) {
    Referral referral = Referral.findById(id);
    if (referral == null
        || !Patients.maySee(actorSor, patients.byKey(referral.patientKey), referral)) {
      throw new UnknownResourceException("referral");
    }
    if (!referral.currentReceiverSor().equals(actorSor)) {
      throw new NotTheActorException(
          act, "receiving organisation (the one it was forwarded to, once forwarded)");
    }
    return referral;
  }

  private static void touch(Referral referral) {
    Flush.now("referral");
  }

  /**
   * @param receiverSor the organisation the event is about: the receiver acting on the referral at
   *     that step
   */
  private FactRecorder.Fact fact(
      Referral referral,
      Patient patient,
      String transition,
      ReferralState from,
      CourseEventType type,
      Instant at,
      String actorSor,
      String receiverSor) {
    return facts
        .fact(Aggregate.REFERRAL, referral.id.toString(), patient, transition)
        .states(from, referral.state)
        .at(at)
        .by(actorSor)
        .event(type, receiverSor, referral.referrerSor)
        .detail("cancer", referral.cancer)
        .detail("waitingTimeRule", referral.waitingTimeRule)
        .detail("conditionCode", referral.conditionCode);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
