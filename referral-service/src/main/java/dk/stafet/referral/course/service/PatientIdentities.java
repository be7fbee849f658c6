package dk.stafet.referral.course.service;

import dk.stafet.referral.course.Patient;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Names patients for the pages' lists and headers: a batch of pseudonyms in, the identities the
 * caller may see out. Each patient named is a read of that patient, audited like every other; a
 * known patient the caller may not see is left out and its refusal audited, an unknown key is left
 * out silently, so the answer never tells the two apart.
 */
@ApplicationScoped
@Transactional
public class PatientIdentities {

  /** One page's list at most (the pages list at most 100 rows per section). */
  public static final int MAX_KEYS = 100;

  static final String ACTION = "READ_IDENTITY";

  private final AuditLog audit;
  private final CallerRoles roles;

  public PatientIdentities(AuditLog audit, CallerRoles roles) {
    this.audit = audit;
    this.roles = roles;
  }

  public List<PatientIdentity> visibleTo(String callerSor, List<String> patientKeys) {
    LinkedHashSet<String> keys = new LinkedHashSet<>(patientKeys == null ? List.of() : patientKeys);
    if (keys.size() > MAX_KEYS) {
      throw new InvalidCommandException("at most " + MAX_KEYS + " patient keys per request");
    }
    String action = roles.auditedAction(callerSor, ACTION);
    List<PatientIdentity> visible = new ArrayList<>();
    for (String key : keys) {
      Patient patient = key == null || key.isBlank() ? null : Patient.byKey(key);
      if (patient == null) {
        continue;
      }
      if (Patients.seesWholePatient(roles, callerSor, patient)
          || Patients.seesPatient(callerSor, patient)) {
        audit.read(callerSor, action, key, "PATIENT", key);
        visible.add(PatientIdentity.of(patient));
      } else {
        audit.denied(callerSor, action, key, "PATIENT", key);
      }
    }
    return visible;
  }
}
