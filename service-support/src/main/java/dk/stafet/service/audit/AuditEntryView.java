package dk.stafet.service.audit;

import java.time.Instant;

/**
 * One audit row as the audit endpoint returns it: who (organisation, person, roles), what, when,
 * outcome, about which patient (the pseudonym).
 */
public record AuditEntryView(
    long id,
    Instant at,
    String callerSor,
    String personSubject,
    String personName,
    String callerRoles,
    String action,
    String outcome,
    String patientKey,
    String resourceType,
    String resourceId) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(
        entry.id,
        entry.at,
        entry.callerSor,
        entry.personSubject,
        entry.personName,
        entry.callerRoles,
        entry.action,
        entry.outcome.name(),
        entry.patientKey,
        entry.resourceType,
        entry.resourceId);
  }
}
