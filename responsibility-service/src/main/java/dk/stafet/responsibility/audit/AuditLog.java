package dk.stafet.responsibility.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes audit rows. A granted read is audited in the reader's transaction (audited exactly when served); a denied
 * one in a transaction of its own, because the refusal rolls the reader's transaction back.
 */
@ApplicationScoped
public class AuditLog {

  public void record(String callerSor, String action, String patientKey, boolean granted) {
    if (granted) {
      entry(callerSor, action, patientKey, AuditEntry.Outcome.GRANTED).persist();
    } else {
      QuarkusTransaction.requiringNew().run(() -> entry(callerSor, action, patientKey, AuditEntry.Outcome.DENIED).persist());
    }
  }

  private static AuditEntry entry(String callerSor, String action, String patientKey, AuditEntry.Outcome outcome) {
    AuditEntry entry = new AuditEntry();
    entry.at = Instant.now();
    entry.callerSor = callerSor;
    entry.action = action;
    entry.patientKey = patientKey;
    entry.outcome = outcome;
    return entry;
  }
}
