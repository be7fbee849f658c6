package dk.stafet.referral.audit;

import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads the audit trail of one patient, for course coordinators only; the read is itself audited.
 */
@ApplicationScoped
public class AuditTrail {

  private final AuditLog auditLog;
  private final CallerRoles roles;

  public AuditTrail(AuditLog auditLog, CallerRoles roles) {
    this.auditLog = auditLog;
    this.roles = roles;
  }

  @Transactional
  public List<AuditEntryView> ofPatient(String callerSor, String patientKey) {
    Log.debugf("Reading the audit trail of %s", patientKey);
    if (!roles.isCoordinator(callerSor) && !roles.isSecurityOfficer(callerSor)) {
      throw new NotTheActorException(
          "reading the audit trail", "course coordinator or security officer");
    }
    List<AuditEntryView> entries =
        AuditEntry.ofPatient(patientKey).stream().map(AuditEntryView::of).toList();
    auditLog.read(callerSor, "READ_AUDIT", patientKey, "AUDIT", patientKey);
    return entries;
  }
}
