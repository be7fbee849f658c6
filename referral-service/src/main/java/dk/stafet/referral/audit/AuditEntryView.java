package dk.stafet.referral.audit;

import dk.stafet.service.audit.AuditEntry;
import java.time.Instant;

/** One audit row as the audit endpoint returns it. */
public record AuditEntryView(Instant at, String callerSor, String action, String outcome, String patientKey,
    String resourceType, String resourceId) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(entry.at, entry.callerSor, entry.action, entry.outcome.name(), entry.patientKey,
        entry.resourceType, entry.resourceId);
  }
}
