package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.rules.PatientResponsibleDoctor;
import dk.stafet.responsibility.messaging.ResponsibilityEvents;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.rest.OccurredAt;
import dk.stafet.responsibility.security.PatientAccess;
import dk.stafet.responsibility.security.PatientNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * R27: names the individual doctor inside the organisation that holds PRD at that instant. It never
 * moves responsibility to another organisation; a request from any other organisation is refused
 * (409 ASSIGNMENT_FROM_NON_HOLDER).
 */
@ApplicationScoped
public class NamedDoctorService {

  private final PatientAccess access;
  private final LedgerReader reader;
  private final LedgerService ledger;
  private final ResponsibilityEvents events;

  public NamedDoctorService(
      PatientAccess access,
      LedgerReader reader,
      LedgerService ledger,
      ResponsibilityEvents events) {
    this.access = access;
    this.reader = reader;
    this.ledger = ledger;
    this.events = events;
  }

  @Transactional
  public LedgerViews.Responsibility name(String patientKey, LedgerViews.NameDoctor command) {
    String caller = access.requireInvolved(patientKey, "named-doctor");
    if (command == null || command.doctorId() == null || command.doctorId().isBlank()) {
      throw new InvalidRequestException("DOCTOR_ID_MISSING", "doctorId is required");
    }
    Instant at = OccurredAt.orNow(command.occurredAt());
    Patient patient = Patient.locked(patientKey).orElseThrow(PatientNotFoundException::new);
    PatientResponsibleDoctor holder =
        reader
            .at(patientKey, at)
            .decision()
            .prd()
            .filter(p -> p.organisation().id().sor().equals(caller))
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainErrorCode.ASSIGNMENT_FROM_NON_HOLDER,
                        "organisation "
                            + caller
                            + " does not hold PRD at that instant; only the holder names its doctor (R27)"));
    Map<String, String> details = new HashMap<>();
    details.put("doctorId", command.doctorId().trim());
    if (command.name() != null && !command.name().isBlank()) {
      details.put("doctorName", command.name().trim());
    }
    FactRecord fact =
        new FactRecord(
            UUID.randomUUID(),
            FactRecord.DOCTOR_ASSIGNED,
            at,
            null,
            caller,
            null,
            details,
            Map.of(caller, holder.organisation().kind().name()));
    ledger.record(patient, CourseFact.Source.NAMED_DOCTOR, fact);
    LedgerEntryRow entry =
        LedgerEntryRow.currentView(patientKey).stream()
            .filter(e -> e.contains(at))
            .findFirst()
            .orElseThrow();
    events
        .draft(patient, ResponsibilityEventType.DOCTOR_NAMED, at)
        .course(entry.courseId)
        .to(caller)
        .rule("R27")
        .holderRole(holder.organisation().kind().name())
        .causedBy(fact.eventId().toString())
        .detail("doctorId", command.doctorId().trim())
        .detail("doctorName", details.get("doctorName"))
        .publish();
    return new LedgerViews.Responsibility(
        patientKey,
        at,
        caller,
        null,
        entry.holderKind,
        entry.holderDoctorId,
        entry.holderDoctorName,
        entry.ruleId,
        entry.treatmentRuleId,
        null,
        entry.courseKind,
        entry.courseId,
        entry.validFrom,
        entry.validTo,
        entry.alarm,
        entry.entryNo,
        entry.treatingSor,
        null);
  }
}
