package dk.stafet.referral.course.service;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.CourseTransition.Aggregate;
import dk.stafet.referral.course.EncounterClass;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.lifecycle.AdmissionLifecycle;
import dk.stafet.referral.course.lifecycle.AdmissionLifecycle.Step;
import dk.stafet.referral.course.lifecycle.AdmissionTransition;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.audit.AuditLog;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hospital stays, with MedCom HospitalNotification semantics. The inbound MedCom pipeline calls the
 * methods keyed by episodeOfCare identifier + serviceProvider SOR (one per HN code; the sender is
 * already verified there); the REST API calls the methods keyed by stay id, which check that the
 * caller is the admitting department.
 */
@ApplicationScoped
@Transactional
public class HospitalStayService {

  private final Patients patients;
  private final Organisations organisations;
  private final FactRecorder facts;
  private final AuditLog audit;

  public HospitalStayService(
      Patients patients, Organisations organisations, FactRecorder facts, AuditLog audit) {
    this.patients = patients;
    this.organisations = organisations;
    this.facts = facts;
    this.audit = audit;
  }

  // ---- MedCom HospitalNotification (inbound pipeline) ----

  /**
   * STIN / STAA: a stay starts. A new notification for a live stay of the same episode changes its
   * encounter class (stay type change) or, with the same class, is kept as history; after discharge
   * or death it is history only.
   *
   * @throws UnknownOrganisationException if the service provider is not a hospital (department) in
   *     the register
   * @throws InvalidCprException if the CPR number is malformed
   */
  public HospitalStayView admit(
      String cpr,
      String episodeOfCareId,
      String serviceProviderSor,
      EncounterClass encounterClass,
      Instant occurredAt,
      String sourceMessageId) {
    Log.debugf("Admission %s at %s (%s)", episodeOfCareId, serviceProviderSor, encounterClass);
    Instant at = Occurrence.orNow(occurredAt);
    organisations.require("serviceProviderSor", serviceProviderSor, Organisations.HOSPITAL);
    Patient patient = patients.findOrCreate(cpr);
    Optional<HospitalStay> existing = HospitalStay.byEpisode(episodeOfCareId, serviceProviderSor);
    if (existing.isPresent()) {
      HospitalStay stay = existing.get();
      if (!stay.patientKey.equals(patient.patientKey)) {
        throw new InvalidCommandException("the episode of care belongs to another patient");
      }
      AdmissionTransition transition =
          stay.encounterClass == encounterClass
              ? AdmissionTransition.ADMIT
              : AdmissionTransition.CHANGE_CLASS;
      Step step = AdmissionLifecycle.apply(stay.state, stay.lastTransition, transition);
      EncounterClass previous = stay.encounterClass;
      FactRecorder.Fact fact =
          stayFact(stay, patient, step, at, serviceProviderSor, sourceMessageId);
      if (step.effective()) {
        stay.encounterClass = encounterClass;
        stay.lastTransition = transition;
        touch(stay);
        fact.states(step.from(), step.to())
            .event(CourseEventType.ADMISSION_STARTED, stay.serviceProviderSor, null)
            .detail("previousEncounterClass", previous);
      }
      fact.detail("encounterClass", encounterClass)
          .detail("hnCode", admitCode(encounterClass))
          .record();
      return HospitalStayView.of(stay, false);
    }
    HospitalStay stay = new HospitalStay();
    stay.id = UUID.randomUUID();
    stay.patientKey = patient.patientKey;
    stay.episodeOfCareId = episodeOfCareId;
    stay.serviceProviderSor = serviceProviderSor;
    stay.encounterClass = encounterClass;
    stay.state = AdmissionLifecycle.initial();
    stay.lastTransition = AdmissionTransition.ADMIT;
    stay.admittedAt = at;
    stay.persist();
    facts
        .fact(
            Aggregate.HOSPITAL_STAY, stay.id.toString(), patient, AdmissionTransition.ADMIT.name())
        .states(null, stay.state)
        .at(at)
        .by(serviceProviderSor)
        .message(sourceMessageId)
        .event(CourseEventType.ADMISSION_STARTED, serviceProviderSor, null)
        .detail("encounterClass", encounterClass)
        .detail("hnCode", admitCode(encounterClass))
        .detail("episodeOfCareId", episodeOfCareId)
        .record();
    return HospitalStayView.of(stay, false);
  }

  /** STOR: leave starts. */
  public HospitalStayView startLeave(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.START_LEAVE,
        occurredAt,
        sourceMessageId);
  }

  /** SLOR: leave ends. */
  public HospitalStayView endLeave(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.END_LEAVE,
        occurredAt,
        sourceMessageId);
  }

  /** SLHJ: discharged (home / primary sector). */
  public HospitalStayView discharge(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.DISCHARGE,
        occurredAt,
        sourceMessageId);
  }

  /**
   * MORS: the patient died; ends every active stay of the patient and publishes DECEASED once per
   * patient.
   */
  public HospitalStayView recordDeath(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId, serviceProviderSor, AdmissionTransition.DIE, occurredAt, sourceMessageId);
  }

  /** AN_STIN / AN_STAA: the stay was registered in error (R8). */
  public HospitalStayView cancelAdmission(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.CANCEL_ADMISSION,
        occurredAt,
        sourceMessageId);
  }

  /** AN_STOR: the leave start was registered in error; back in progress. */
  public HospitalStayView cancelLeaveStart(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.CANCEL_LEAVE_START,
        occurredAt,
        sourceMessageId);
  }

  /** AN_SLOR: the leave end was registered in error; back on leave. */
  public HospitalStayView cancelLeaveEnd(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.CANCEL_LEAVE_END,
        occurredAt,
        sourceMessageId);
  }

  /** AN_SLHJ: the discharge was registered in error; the stay is in progress again. */
  public HospitalStayView cancelDischarge(
      String episodeOfCareId,
      String serviceProviderSor,
      Instant occurredAt,
      String sourceMessageId) {
    return byEpisode(
        episodeOfCareId,
        serviceProviderSor,
        AdmissionTransition.CANCEL_DISCHARGE,
        occurredAt,
        sourceMessageId);
  }

  // ---- REST (caller = admitting department) ----

  /** An admission registered over REST by the admitting department itself. */
  public HospitalStayView admit(String actorSor, AdmitPatient command) {
    if (!command.serviceProviderSor().equals(actorSor)) {
      organisations.require(
          "serviceProviderSor", command.serviceProviderSor(), Organisations.HOSPITAL);
      throw new NotTheActorException("an admission", "admitting department (serviceProviderSor)");
    }
    return admit(
        command.cpr(),
        command.episodeOfCareId(),
        command.serviceProviderSor(),
        command.encounterClass(),
        command.occurredAt(),
        null);
  }

  /**
   * A transition of stay {@code id} by its admitting department (leave, leave end, discharge,
   * cancellations).
   */
  public HospitalStayView transition(
      UUID id, String actorSor, AdmissionTransition transition, Instant occurredAt) {
    Log.debugf("%s of stay %s", transition, id);
    HospitalStay stay = HospitalStay.findById(id);
    if (stay == null || !Patients.maySee(actorSor, patients.byKey(stay.patientKey), stay)) {
      throw new UnknownResourceException("hospital stay");
    }
    if (!stay.serviceProviderSor.equals(actorSor)) {
      throw new NotTheActorException(transition.name(), "admitting department");
    }
    if (transition == AdmissionTransition.ADMIT || transition == AdmissionTransition.CHANGE_CLASS) {
      throw new IllegalArgumentException("admissions go through admit(...)");
    }
    return apply(stay, transition, Occurrence.orNow(occurredAt), actorSor, null);
  }

  /** One stay with its history, if the caller may see it; the read is audited. */
  public HospitalStayView get(UUID id, String callerSor) {
    HospitalStay stay = HospitalStay.findById(id);
    if (stay == null) {
      throw new UnknownResourceException("hospital stay");
    }
    if (!Patients.maySee(callerSor, patients.byKey(stay.patientKey), stay)) {
      audit.denied(callerSor, "READ", stay.patientKey, "HOSPITAL_STAY", id.toString());
      throw new UnknownResourceException("hospital stay");
    }
    audit.read(callerSor, "READ", stay.patientKey, "HOSPITAL_STAY", id.toString());
    return HospitalStayView.of(stay, true);
  }

  // ---- death (also used by DeathService) ----

  /**
   * Records the death of {@code patient}: every active stay becomes DECEASED, and one DECEASED
   * event is published unless the death was already known (then it is history only). {@code
   * reportingStay} is the stay whose MORS reported it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID recordPatientDeath(
      Patient patient,
      Instant at,
      String reporterSor,
      String sourceMessageId,
      HospitalStay reportingStay) {
    List<HospitalStay> stays = new ArrayList<>(HospitalStay.activeOfPatient(patient.patientKey));
    if (reportingStay != null && !stays.contains(reportingStay)) {
      stays.add(0, reportingStay);
    }
    boolean firstReport = patient.deceasedAt == null;
    UUID eventId = null;
    for (HospitalStay stay : stays) {
      Step step =
          AdmissionLifecycle.apply(stay.state, stay.lastTransition, AdmissionTransition.DIE);
      FactRecorder.Fact fact = stayFact(stay, patient, step, at, reporterSor, sourceMessageId);
      if (step.effective()) {
        Occurrence.notBefore(at, stay.admittedAt, "stay started");
        stay.state = step.to();
        stay.lastTransition = AdmissionTransition.DIE;
        stay.deceasedAt = at;
        touch(stay);
        if (firstReport && stay == reportingStay) {
          // The stay whose MORS reported the death carries the one DECEASED event.
          fact.event(CourseEventType.DECEASED, stay.serviceProviderSor, patient.listedGpSor)
              .detail("encounterClass", stay.encounterClass);
        }
      }
      UUID recorded = fact.record();
      eventId = recorded != null ? recorded : eventId;
    }
    if (firstReport) {
      patient.deceasedAt = at;
      Flush.now("patient");
    }
    if (eventId != null) {
      return eventId;
    }
    // Reported without a live stay (REST, or MORS for a discharged stay), or reported again: a
    // patient fact.
    FactRecorder.Fact death =
        facts
            .fact(Aggregate.PATIENT, patient.patientKey, patient, AdmissionTransition.DIE.name())
            .states(firstReport ? "ALIVE" : "DECEASED", "DECEASED")
            .at(at)
            .by(reporterSor)
            .message(sourceMessageId);
    if (!firstReport) {
      return death.historyOnly().record();
    }
    return death
        .event(CourseEventType.DECEASED, reporterSor, patient.listedGpSor)
        .detail("hnCode", reportingStay == null ? null : AdmissionTransition.DIE.hnCode())
        .detail("endedStays", stays.isEmpty() ? null : String.valueOf(stays.size()))
        .record();
  }

  // ---- internals ----

  private HospitalStayView byEpisode(
      String episodeOfCareId,
      String serviceProviderSor,
      AdmissionTransition transition,
      Instant occurredAt,
      String sourceMessageId) {
    Log.debugf("%s of episode %s at %s", transition, episodeOfCareId, serviceProviderSor);
    Instant at = Occurrence.orNow(occurredAt);
    HospitalStay stay =
        HospitalStay.byEpisode(episodeOfCareId, serviceProviderSor)
            .orElseThrow(() -> new UnknownResourceException("hospital stay"));
    return apply(stay, transition, at, serviceProviderSor, sourceMessageId);
  }

  private HospitalStayView apply(
      HospitalStay stay,
      AdmissionTransition transition,
      Instant at,
      String actorSor,
      String sourceMessageId) {
    Patient patient = patients.byKey(stay.patientKey);
    if (transition == AdmissionTransition.DIE) {
      recordPatientDeath(patient, at, actorSor, sourceMessageId, stay);
      return HospitalStayView.of(stay, false);
    }
    Step step = AdmissionLifecycle.apply(stay.state, stay.lastTransition, transition);
    Occurrence.notBefore(at, stay.admittedAt, "stay started");
    FactRecorder.Fact fact = stayFact(stay, patient, step, at, actorSor, sourceMessageId);
    String cancels = null;
    CourseEventType type;
    switch (transition) {
      case START_LEAVE -> {
        stay.leaveStartedAt = at;
        stay.leaveEndedAt = null;
        type = CourseEventType.LEAVE_STARTED;
      }
      case END_LEAVE -> {
        stay.leaveEndedAt = at;
        type = CourseEventType.LEAVE_ENDED;
      }
      case DISCHARGE -> {
        stay.dischargedAt = at;
        type = CourseEventType.DISCHARGED;
      }
      case CANCEL_ADMISSION -> {
        stay.cancelledAt = at;
        cancels = AdmissionTransition.ADMIT.name();
        type = CourseEventType.ADMISSION_CANCELLED;
      }
      case CANCEL_LEAVE_START -> {
        stay.leaveStartedAt = null;
        cancels = AdmissionTransition.START_LEAVE.name();
        type = CourseEventType.LEAVE_ENDED;
      }
      case CANCEL_LEAVE_END -> {
        stay.leaveEndedAt = null;
        cancels = AdmissionTransition.END_LEAVE.name();
        type = CourseEventType.LEAVE_STARTED;
      }
      case CANCEL_DISCHARGE -> {
        stay.dischargedAt = null;
        cancels = AdmissionTransition.DISCHARGE.name();
        type = CourseEventType.ADMISSION_STARTED;
      }
      default -> throw new IllegalStateException("not a stay transition here: " + transition);
    }
    stay.state = step.to();
    stay.lastTransition = transition;
    touch(stay);
    fact.event(type, stay.serviceProviderSor, null).detail("encounterClass", stay.encounterClass);
    if (cancels != null) {
      fact.detail("correction", "true")
          .detail("cancels", cancels)
          .detail(
              "cancelsEventId",
              CourseTransition.lastEffective(Aggregate.HOSPITAL_STAY, stay.id.toString(), cancels)
                  .map(row -> row.eventId)
                  .orElse(null))
          .detail("admittedAt", stay.admittedAt);
    }
    fact.record();
    return HospitalStayView.of(stay, false);
  }

  /**
   * The history row of a stay transition (states, time, actor, HN code); an ineffective step is
   * history only.
   */
  private FactRecorder.Fact stayFact(
      HospitalStay stay,
      Patient patient,
      Step step,
      Instant at,
      String actorSor,
      String sourceMessageId) {
    FactRecorder.Fact fact =
        facts
            .fact(Aggregate.HOSPITAL_STAY, stay.id.toString(), patient, step.transition().name())
            .states(step.from(), step.to())
            .at(at)
            .by(actorSor)
            .message(sourceMessageId)
            .detail(
                "hnCode",
                step.transition() == AdmissionTransition.ADMIT
                        || step.transition() == AdmissionTransition.CHANGE_CLASS
                    ? null
                    : hnCode(step.transition(), stay.encounterClass));
    return step.effective() ? fact : fact.historyOnly();
  }

  private static String hnCode(AdmissionTransition transition, EncounterClass encounterClass) {
    return transition == AdmissionTransition.CANCEL_ADMISSION
        ? "AN_" + admitCode(encounterClass)
        : transition.hnCode();
  }

  private static String admitCode(EncounterClass encounterClass) {
    return encounterClass == EncounterClass.IMP ? "STIN" : "STAA";
  }

  private static void touch(HospitalStay stay) {
    Flush.now("hospital stay");
  }
}
