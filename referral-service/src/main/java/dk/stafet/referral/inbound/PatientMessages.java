package dk.stafet.referral.inbound;

import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.service.Patients;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.referral.security.AccessRule;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The MedCom messages the front door received about one patient that a caller may see. Access
 * follows {@link AccessRule}: the listed GP and the municipality see all of the patient's messages;
 * another organisation involved with the patient (a party to one of the patient's referrals, stays
 * or courses, or to one of the messages) sees only the messages it sent or received. Course
 * coordinators see all of them; so does the patient portal for the one citizen its token names
 * (docs/security.md). Anyone else is refused as if the patient were unknown. Every answer is
 * audited, refusals too.
 */
@ApplicationScoped
public class PatientMessages {

  private final CallerRoles roles;
  private final AuditLog audit;

  public PatientMessages(CallerRoles roles, AuditLog audit) {
    this.roles = roles;
    this.audit = audit;
  }

  /**
   * @param action the audited action (prefixed when the read rests on a role)
   * @throws UnknownResourceException if the patient is unknown or the caller may not see it
   */
  @Transactional
  public List<ReceivedMessage> visibleTo(String callerSor, String patientKey, String action) {
    Log.debugf("Messages of %s", patientKey);
    Patient patient = Patient.byKey(patientKey);
    if (patient == null) {
      throw new UnknownResourceException("patient");
    }
    List<ReceivedMessage> all = ReceivedMessage.forPatient(patientKey);
    String audited = roles.auditedAction(callerSor, action);
    boolean wholePatient = Patients.seesWholePatient(roles, callerSor, patient);
    List<ReceivedMessage> visible =
        wholePatient
            ? all
            : all.stream().filter(m -> Patients.maySee(callerSor, patient, m)).toList();
    if (!wholePatient
        && (roles.isPatientPortal(callerSor)
            || visible.isEmpty() && !Patients.seesPatient(callerSor, patient))) {
      audit.denied(callerSor, audited, patientKey, "MEDCOM_MESSAGES", patientKey);
      throw new UnknownResourceException("patient");
    }
    audit.read(callerSor, audited, patientKey, "MEDCOM_MESSAGES", patientKey);
    return visible;
  }

  /**
   * One received message, by Stafet's id (the FHIR Communication id), under the same rule as the
   * patient's list; audited with the message as the resource read.
   *
   * @throws UnknownResourceException if there is none the caller may see
   */
  @Transactional
  public ReceivedMessage readable(String callerSor, UUID id, String action) {
    ReceivedMessage message = ReceivedMessage.findById(id);
    Patient patient =
        message == null || message.patientKey == null ? null : Patient.byKey(message.patientKey);
    if (patient == null) {
      throw new UnknownResourceException("message");
    }
    String audited = roles.auditedAction(callerSor, action);
    if (!maySee(callerSor, patient, message)) {
      audit.denied(callerSor, audited, message.patientKey, "MEDCOM_MESSAGE", id.toString());
      throw new UnknownResourceException("message");
    }
    audit.read(callerSor, audited, message.patientKey, "MEDCOM_MESSAGE", id.toString());
    return message;
  }

  /**
   * The id of the earlier message a reply or forward answers, when the caller may see it too (so a
   * thread links only to what its reader may open); not audited, it reveals only an id.
   */
  @Transactional
  public Optional<UUID> visibleEarlier(String callerSor, ReceivedMessage message) {
    if (message.inResponseTo == null || message.patientKey == null) {
      return Optional.empty();
    }
    Patient patient = Patient.byKey(message.patientKey);
    return ReceivedMessage.findByHeaderId(message.inResponseTo)
        .filter(earlier -> message.patientKey.equals(earlier.patientKey))
        .filter(earlier -> maySee(callerSor, patient, earlier))
        .map(earlier -> earlier.id);
  }

  private boolean maySee(String callerSor, Patient patient, ReceivedMessage message) {
    return Patients.seesWholePatient(roles, callerSor, patient)
        || !roles.isPatientPortal(callerSor) && Patients.maySee(callerSor, patient, message);
  }
}
