package dk.stafet.responsibility.handover;

import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.OrgId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.handover.HandoverProposal;
import dk.stafet.responsibility.domain.handover.HandoverState;
import dk.stafet.responsibility.domain.handover.HandoverUnansweredAlarm;
import dk.stafet.responsibility.domain.handover.RelayHandover;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.ledger.CourseFact;
import dk.stafet.responsibility.ledger.FactRecord;
import dk.stafet.responsibility.ledger.LedgerReader;
import dk.stafet.responsibility.ledger.LedgerService;
import dk.stafet.responsibility.ledger.Patient;
import dk.stafet.responsibility.ledger.PatientDied;
import dk.stafet.responsibility.messaging.ResponsibilityEvents;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.rest.OccurredAt;
import dk.stafet.responsibility.security.PatientAccess;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Structured relay handover (R23, R24): only the current holder proposes, only the proposed
 * receiver answers, responsibility moves at the instant of acceptance (the acceptance becomes a
 * fact in the ledger), and a rejection or timeout changes nothing. Every step is published. The
 * state rules live in the domain's {@link RelayHandover}.
 */
@ApplicationScoped
public class HandoverService {

  private final PatientAccess access;
  private final Caller caller;
  private final AuditLog audit;
  private final LedgerReader reader;
  private final LedgerService ledger;
  private final OrganisationDirectory directory;
  private final ResponsibilityEvents events;
  private final HandoverConfig config;
  private final CallerRoles roles;

  public HandoverService(
      PatientAccess access,
      Caller caller,
      AuditLog audit,
      LedgerReader reader,
      LedgerService ledger,
      OrganisationDirectory directory,
      ResponsibilityEvents events,
      HandoverConfig config,
      CallerRoles roles) {
    this.access = access;
    this.caller = caller;
    this.audit = audit;
    this.reader = reader;
    this.ledger = ledger;
    this.directory = directory;
    this.events = events;
    this.config = config;
    this.roles = roles;
  }

  @Transactional
  public HandoverViews.Handover propose(HandoverViews.Propose command) {
    if (command == null || command.patientKey() == null) {
      throw new InvalidRequestException("PATIENT_KEY_MISSING", "patientKey is required");
    }
    String proposerSor = access.requireInvolved(command.patientKey(), "handover-propose");
    Patient patient =
        Patient.locked(command.patientKey()).orElseThrow(PatientNotFoundException::new);
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidRequestException("REASON_MISSING", "a handover needs a reason");
    }
    OrganisationInfo receiver =
        directory
            .bySor(command.toSor())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "UNKNOWN_ORGANISATION", "toSor is not in the organisation register"));
    Instant at = OccurredAt.orNow(command.occurredAt());
    Instant respondBy =
        command.respondBy() != null ? command.respondBy() : at.plus(config.defaultResponseTime());
    ResponsibilityDecision current = reader.at(patient.patientKey, at).decision();
    Organisation proposer =
        current
            .prd()
            .map(p -> p.organisation())
            .filter(o -> o.id().sor().equals(proposerSor))
            .orElseGet(() -> organisation(proposerSor));
    UUID id = UUID.randomUUID();
    HandoverProposal proposal =
        new HandoverProposal(
            id.toString(),
            proposer,
            receiver.asDomain(),
            Optional.ofNullable(command.toDoctor())
                .map(HandoverViews.Doctor::id)
                .filter(d -> !d.isBlank())
                .map(DoctorId::of),
            command.reason(),
            command.patientInformed(),
            command.relativesInformed(),
            at,
            respondBy);
    RelayHandover handover =
        RelayHandover.propose(proposal, current); // R23: holder only, not to self, …

    HandoverRow row = new HandoverRow();
    row.id = id;
    row.patientKey = patient.patientKey;
    row.proposerSor = proposer.id().sor();
    row.proposerKind = proposer.kind().name();
    row.receiverSor = receiver.sor();
    row.receiverKind = receiver.kind().name();
    row.receivingDoctorId = proposal.receivingDoctor().map(DoctorId::authorisationId).orElse(null);
    row.receivingDoctorName = row.receivingDoctorId == null ? null : command.toDoctor().name();
    row.courseKind = handover.course().kind().name();
    row.courseId = handover.course().id();
    row.reason = command.reason();
    row.patientInformed = command.patientInformed();
    row.relativesInformed = command.relativesInformed();
    row.agreementChannel = channel(command.agreementChannel()).map(Enum::name).orElse(null);
    row.proposedAt = at;
    row.respondBy = respondBy;
    row.state = HandoverState.PROPOSED;
    row.persist();
    HandoverStep.record(id, "PROPOSED", at, proposerSor);
    step(patient, row, ResponsibilityEventType.HANDOVER_PROPOSED, at)
        .detail("respondBy", respondBy)
        .detail("patientInformed", row.patientInformed)
        .detail("relativesInformed", row.relativesInformed)
        .publish();
    Log.infof("Handover %s proposed for %s", id, patient.patientKey);
    return HandoverViews.Handover.of(row);
  }

  @Transactional
  public HandoverViews.Handover accept(UUID id, HandoverViews.Accept command) {
    Answer answer = answering(id, "handover-accept");
    HandoverRow row = answer.row();
    Instant at = OccurredAt.orNow(command == null ? null : command.occurredAt());
    Optional<AgreementChannel> channel =
        channel(command == null ? null : command.agreementChannel())
            .or(() -> HandoverRehydration.channel(row));
    HandoverAccepted accepted =
        answer.handover().accept(answer.by(), at, UUID.randomUUID().toString(), channel);

    row.state = HandoverState.ACCEPTED;
    row.decidedAt = at;
    row.agreementChannel = channel.map(Enum::name).orElse(null);
    row.acceptedEventId = UUID.fromString(accepted.eventId());
    HandoverStep.record(id, "ACCEPTED", at, answer.by().id().sor());
    // The step first, then the RESPONSIBILITY_CHANGED it causes (C7: patient, relatives and staff
    // are informed).
    step(answer.patient(), row, ResponsibilityEventType.HANDOVER_ACCEPTED, at)
        .causedBy(accepted.eventId())
        .detail("agreementChannel", row.agreementChannel)
        .detail("receivingDoctor", row.receivingDoctorId)
        .detail("late", at.isAfter(row.respondBy) ? "true" : null)
        .publish();
    ledger.record(
        answer.patient(), CourseFact.Source.HANDOVER, fact(row, accepted)); // R23: moves at `at`
    return HandoverViews.Handover.of(row);
  }

  @Transactional
  public HandoverViews.Handover reject(UUID id, HandoverViews.Reject command) {
    Answer answer = answering(id, "handover-reject");
    HandoverRow row = answer.row();
    Instant at = OccurredAt.orNow(command == null ? null : command.occurredAt());
    answer.handover().reject(answer.by(), at); // R24: nothing changes in the ledger
    row.state = HandoverState.REJECTED;
    row.decidedAt = at;
    row.rejectionReason = command == null ? null : command.reason();
    HandoverStep.record(id, "REJECTED", at, answer.by().id().sor());
    step(answer.patient(), row, ResponsibilityEventType.HANDOVER_REJECTED, at)
        .publish(); // C6: the proposer is told
    return HandoverViews.Handover.of(row);
  }

  /**
   * Handovers the caller is a party to (all of them for a coordinator), optionally in one state;
   * each read audited.
   */
  @Transactional
  public List<HandoverViews.Handover> list(HandoverState state) {
    String sor = caller.requireOrganisation();
    boolean coordinator = roles.isCoordinator(sor);
    List<HandoverRow> rows =
        HandoverRow.inState(state).stream()
            .filter(r -> coordinator || sor.equals(r.proposerSor) || sor.equals(r.receiverSor))
            .toList();
    String action = coordinator ? PatientAccess.AS_COORDINATOR + "handover-list" : "handover-list";
    rows.stream()
        .map(r -> r.patientKey)
        .distinct()
        .forEach(p -> audit.record(sor, action, p, true));
    return rows.stream().map(HandoverViews.Handover::of).toList();
  }

  /**
   * R24: one proposal past its deadline becomes UNANSWERED, the alarm goes out, nothing is
   * transferred.
   */
  @Transactional
  public void timeOut(UUID id, Instant now) {
    HandoverRow candidate = HandoverRow.findById(id);
    if (candidate == null) {
      return;
    }
    Patient patient = Patient.lockOrCreate(candidate.patientKey);
    HandoverRow row = HandoverRow.findById(id);
    HandoverRehydration.rehydrate(row)
        .timeout(now)
        .ifPresent(alarm -> raise(patient, row, alarm, now));
  }

  private void raise(Patient patient, HandoverRow row, HandoverUnansweredAlarm alarm, Instant now) {
    row.state = HandoverState.UNANSWERED;
    row.timedOutAt = now;
    HandoverStep.record(row.id, "TIMED_OUT", alarm.respondBy(), null);
    // To the proposer and the course coordinator (R24); notification-service routes it.
    step(patient, row, ResponsibilityEventType.HANDOVER_TIMED_OUT, alarm.respondBy())
        .detail("alarm", alarm.name())
        .detail("respondBy", alarm.respondBy())
        .publish();
    Log.warnf("Handover %s unanswered by its deadline (alarm %s)", row.id, alarm.name());
  }

  /** R20: death makes every pending handover void. */
  void onDeath(@Observes PatientDied died) {
    for (HandoverRow row : HandoverRow.pendingOf(died.patientKey())) {
      RelayHandover handover = HandoverRehydration.rehydrate(row);
      handover.voidOnDeath(died.at());
      row.state = handover.state();
      row.decidedAt = died.at();
      HandoverStep.record(row.id, "VOIDED", died.at(), null);
    }
  }

  private Answer answering(UUID id, String action) {
    // A course coordinator records the receiver's answer on its behalf (the agreement was reached
    // with the receiver by
    // phone or electronically; the coordinator page's Accept/Reject); audited as the coordinator's,
    // with the person.
    boolean forReceiver = roles.isCoordinator(caller.requireOrganisation());
    if (!forReceiver) {
      // The role first, the same 403 for every id: a caller who may not answer handovers must not
      // learn which ids exist (issue 14; found by CrossOrganisationAccessTests).
      caller.requireRole(StafetRole.STAFF, "answering a handover (" + action + ")");
    }
    HandoverRow candidate = HandoverRow.findById(id);
    if (candidate == null) {
      throw new NotFoundException("handover");
    }
    String sor;
    try {
      sor =
          forReceiver
              ? access.requireReadable(candidate.patientKey, action)
              : access.requireInvolved(candidate.patientKey, action);
    } catch (PatientNotFoundException notInvolved) {
      // The same answer as for a handover id nobody has: a caller not involved must not learn that
      // the handover, or its patient, exists (issue 14; found by CrossOrganisationAccessTests).
      throw new NotFoundException("handover");
    }
    Patient patient =
        Patient.locked(candidate.patientKey).orElseThrow(PatientNotFoundException::new);
    HandoverRow row = HandoverRow.findById(id);
    Organisation by =
        forReceiver || sor.equals(row.receiverSor)
            ? HandoverRehydration.receiver(row)
            : organisation(sor);
    return new Answer(patient, row, HandoverRehydration.rehydrate(row), by);
  }

  private FactRecord fact(HandoverRow row, HandoverAccepted accepted) {
    Map<String, String> details = new HashMap<>();
    details.put("courseKind", accepted.course().kind().name());
    details.put("courseRefId", accepted.course().id());
    accepted.receivingDoctor().ifPresent(d -> details.put("receivingDoctor", d.authorisationId()));
    if (row.receivingDoctorName != null) {
      details.put("receivingDoctorName", row.receivingDoctorName);
    }
    accepted.agreementChannel().ifPresent(c -> details.put("agreementChannel", c.name()));
    return new FactRecord(
        UUID.fromString(accepted.eventId()),
        FactRecord.HANDOVER_ACCEPTED,
        accepted.occurredAt(),
        row.id.toString(),
        row.receiverSor,
        row.proposerSor,
        details,
        Map.of(row.receiverSor, row.receiverKind, row.proposerSor, row.proposerKind));
  }

  private ResponsibilityEvents.Draft step(
      Patient patient, HandoverRow row, ResponsibilityEventType type, Instant at) {
    return events
        .draft(patient, type, at)
        .course(row.courseId)
        .from(row.proposerSor)
        .to(row.receiverSor)
        .rule("R23")
        .holderRole(row.receiverKind)
        .detail("handoverId", row.id)
        .detail("courseKind", row.courseKind);
  }

  private Organisation organisation(String sor) {
    return directory
        .bySor(sor)
        .map(OrganisationInfo::asDomain)
        .orElseGet(() -> new Organisation(OrgId.of(sor), OrganisationKind.HOSPITAL_DEPARTMENT));
  }

  private static Optional<AgreementChannel> channel(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AgreementChannel.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "INVALID_AGREEMENT_CHANNEL", "agreementChannel must be ORAL, ELECTRONIC or WRITTEN");
    }
  }

  private record Answer(
      Patient patient, HandoverRow row, RelayHandover handover, Organisation by) {}
}
