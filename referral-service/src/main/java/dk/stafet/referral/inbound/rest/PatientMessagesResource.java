package dk.stafet.referral.inbound.rest;

import dk.stafet.referral.course.Course;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.service.Patients;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.referral.security.AccessRule;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MedCom messages the front door received about one patient: what, from whom, to whom, when,
 * and the acknowledgement code — never the message content. Access follows {@link AccessRule}: the
 * listed GP and the municipality see all of the patient's messages; another organisation involved
 * with the patient (a party to one of the patient's referrals, stays or courses, or to one of the
 * messages) sees only the messages it sent or received. Course coordinators see all of them; so
 * does the patient portal for the one citizen its token names (docs/security.md). Anyone else gets
 * 404, as if the patient were unknown. Every answer is audited, refusals too.
 */
@Path("/api/patients/{patientKey}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MedCom messages")
public class PatientMessagesResource {

  /** A received MedCom message, without its content. */
  @Schema(
      description =
          "A MedCom message received about the patient (metadata only; never the content)")
  public record MessageView(
      @Schema(description = "MedCom message type, e.g. HospitalNotification") String messageType,
      @Schema(description = "MessageHeader.id (the letter id)") String messageHeaderId,
      String senderSor,
      String senderGln,
      String receiverSor,
      String receiverGln,
      @Schema(description = "When it was first received") Instant receivedAt,
      @Schema(description = "How many times it was received (retransmissions included)")
          int timesReceived,
      @Schema(description = "ACCEPTED, REJECTED, TRANSIENT_ERROR or ACKNOWLEDGEMENT")
          String outcome,
      @Schema(
              description =
                  "The code of our first acknowledgement: ok, fatal-error or transient-error")
          String ackCode) {

    static MessageView of(ReceivedMessage m) {
      return new MessageView(
          m.messageType,
          m.messageHeaderId,
          m.senderSor,
          m.senderGln,
          m.receiverSor,
          m.receiverGln,
          m.receivedAt,
          m.timesReceived,
          m.outcome == null ? null : m.outcome.name(),
          m.ackCode);
    }

    /** The message as something an organisation can be a party to (sender or receiver, by SOR). */
    AccessRule.Involving parties() {
      return sor -> sor.equals(senderSor) || sor.equals(receiverSor);
    }
  }

  private static final String ACTION = "READ_MESSAGES";

  private final Caller caller;
  private final CallerRoles roles;
  private final AuditLog audit;

  public PatientMessagesResource(Caller caller, CallerRoles roles, AuditLog audit) {
    this.caller = caller;
    this.roles = roles;
    this.audit = audit;
  }

  @GET
  @Transactional
  @Operation(
      summary =
          "The MedCom messages received about a patient (by pseudonym) that the caller may see; "
              + "metadata only (audited; 404 unless the caller is involved with the patient)")
  public List<MessageView> messages(@PathParam("patientKey") String patientKey) {
    String callerSor = caller.requireOrganisation();
    Log.debugf("Messages of %s", patientKey);
    Patient patient = Patient.byKey(patientKey);
    if (patient == null) {
      throw new UnknownResourceException("patient");
    }
    List<MessageView> all =
        ReceivedMessage.forPatient(patientKey).stream().map(MessageView::of).toList();
    String action = roles.auditedAction(callerSor, ACTION);
    boolean wholePatient =
        Patients.hasPatientRole(callerSor, patient)
            || roles.isCoordinator(callerSor)
            || roles.isPortalFor(callerSor, patientKey);
    List<MessageView> visible =
        wholePatient
            ? all
            : all.stream().filter(m -> Patients.maySee(callerSor, patient, m.parties())).toList();
    if (!wholePatient
        && (roles.isPatientPortal(callerSor)
            || visible.isEmpty() && !involved(callerSor, patientKey))) {
      audit.denied(callerSor, action, patientKey, "MEDCOM_MESSAGES", patientKey);
      throw new UnknownResourceException("patient");
    }
    audit.read(callerSor, action, patientKey, "MEDCOM_MESSAGES", patientKey);
    return visible;
  }

  /**
   * A party to one of the patient's referrals, stays or courses (the access rule of
   * docs/course-facts.md).
   */
  private static boolean involved(String callerSor, String patientKey) {
    return Referral.ofPatient(patientKey).stream().anyMatch(r -> r.involves(callerSor))
        || HospitalStay.ofPatient(patientKey).stream().anyMatch(s -> s.involves(callerSor))
        || Course.ofPatient(patientKey).stream().anyMatch(c -> c.involves(callerSor));
  }
}
