package dk.stafet.referral.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes the audit trail of reads of patient data. */
@ApplicationScoped
public class AuditLog {

  /** Records a granted read in the reading transaction: no data leaves without its audit row. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void read(String callerSor, String action, String patientKey, String resourceType, String resourceId) {
    write(callerSor, action, AuditEntry.Outcome.GRANTED, patientKey, resourceType, resourceId);
  }

  /**
   * Records a refused read in its own transaction, so it survives the rollback of the refused request. The patient key
   * is kept when the resource exists (who tried to see whom), although the caller only learnt "not found".
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void denied(String callerSor, String action, String patientKey, String resourceType, String resourceId) {
    write(callerSor, action, AuditEntry.Outcome.DENIED, patientKey, resourceType, resourceId);
  }

  private static void write(String callerSor, String action, AuditEntry.Outcome outcome, String patientKey,
      String resourceType, String resourceId) {
    AuditEntry entry = new AuditEntry();
    entry.at = Instant.now();
    entry.callerSor = callerSor;
    entry.action = action;
    entry.outcome = outcome;
    entry.patientKey = patientKey;
    entry.resourceType = resourceType;
    entry.resourceId = resourceId;
    entry.persist();
  }
}
