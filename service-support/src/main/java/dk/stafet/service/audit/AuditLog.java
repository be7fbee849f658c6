package dk.stafet.service.audit;

import dk.stafet.service.security.Caller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes the audit trail of reads of patient data. A granted read is audited in the reader's
 * transaction, so no data leaves without its audit row; a refused one in a transaction of its own,
 * so it survives the rollback of the refused request. The patient key is kept on refusals when the
 * patient exists (who tried to see whom), although the caller only learnt "not found". Each row
 * names the person and roles of the request's token ({@link Caller}).
 */
@ApplicationScoped
public class AuditLog {

  private final Caller caller;

  public AuditLog(Caller caller) {
    this.caller = caller;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void read(
      String callerSor, String action, String patientKey, String resourceType, String resourceId) {
    write(callerSor, action, AuditEntry.Outcome.GRANTED, patientKey, resourceType, resourceId);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void denied(
      String callerSor, String action, String patientKey, String resourceType, String resourceId) {
    write(callerSor, action, AuditEntry.Outcome.DENIED, patientKey, resourceType, resourceId);
  }

  /**
   * A read without a resource beyond the patient: granted in the reader's transaction, denied in
   * its own.
   */
  public void record(String callerSor, String action, String patientKey, boolean granted) {
    if (granted) {
      read(callerSor, action, patientKey, null, null);
    } else {
      denied(callerSor, action, patientKey, null, null);
    }
  }

  /** True if this caller was granted this action on this patient at or after {@code since}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean grantedSince(String callerSor, String action, String patientKey, Instant since) {
    return AuditEntry.count(
            "callerSor = ?1 AND action = ?2 AND patientKey = ?3 AND outcome = ?4 AND at >= ?5",
            callerSor,
            action,
            patientKey,
            AuditEntry.Outcome.GRANTED,
            since)
        > 0;
  }

  private void write(
      String callerSor,
      String action,
      AuditEntry.Outcome outcome,
      String patientKey,
      String resourceType,
      String resourceId) {
    AuditEntry entry = new AuditEntry();
    entry.at = Instant.now();
    entry.callerSor = callerSor;
    entry.action = action;
    entry.outcome = outcome;
    entry.patientKey = patientKey;
    entry.resourceType = resourceType;
    entry.resourceId = resourceId;
    if (Arc.container().requestContext().isActive()) {
      caller
          .identity()
          .ifPresent(
              person -> {
                entry.personSubject = person.subject();
                entry.personName = person.name();
                entry.callerRoles =
                    String.join(",", person.roles().stream().map(Enum::name).sorted().toList());
              });
    }
    entry.persist();
  }
}
