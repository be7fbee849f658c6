package dk.stafet.referral.audit;

import dk.stafet.referral.security.NotTheActorException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/** Reads the audit trail of one patient, for course coordinators only; the read is itself audited. */
@ApplicationScoped
public class AuditTrail {

  private final AuditLog auditLog;
  private final Set<String> coordinators;

  public AuditTrail(AuditLog auditLog, AuditConfig config) {
    this.auditLog = auditLog;
    this.coordinators = config.coordinatorSors().orElse(Set.of());
  }

  @Transactional
  public List<AuditEntryView> ofPatient(String callerSor, String patientKey) {
    Log.debugf("Reading the audit trail of %s", patientKey);
    if (!coordinators.contains(callerSor)) {
      throw new NotTheActorException("reading the audit trail", "course coordinator");
    }
    List<AuditEntryView> entries = AuditEntry.ofPatient(patientKey).stream().map(AuditEntryView::of).toList();
    auditLog.read(callerSor, "READ_AUDIT", patientKey, "AUDIT", patientKey);
    return entries;
  }
}
