package dk.stafet.notification.notify;

import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.compose.MessageComposer;
import dk.stafet.notification.delivery.DeliveryService;
import dk.stafet.notification.delivery.Escalations;
import dk.stafet.notification.delivery.OutgoingMessage;
import dk.stafet.notification.patient.HospitalStay;
import dk.stafet.notification.patient.PatientFacts;
import dk.stafet.notification.patient.PatientName;
import dk.stafet.notification.rules.Plan;
import dk.stafet.notification.rules.PlannedNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Carries out a {@link Plan}: builds each message, validates it against MedCom's profiles, sends it
 * (tracked), and escalates the duties nobody can receive and the messages that fail validation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifier {

  private final MessageComposer composer;
  private final DeliveryService deliveries;
  private final Escalations escalations;
  private final PatientFacts patients;
  private final MedcomValidator validator;

  public Notifier(
      MessageComposer composer,
      DeliveryService deliveries,
      Escalations escalations,
      PatientFacts patients,
      MedcomValidator validator) {
    this.composer = composer;
    this.deliveries = deliveries;
    this.escalations = escalations;
    this.patients = patients;
    this.validator = validator;
  }

  /**
   * @param sourceEventId the event the plan answers (with recipient and type, the key that keeps it
   *     to one message)
   * @param cpr the patient's CPR number, for the message only
   * @param eventTime when the fact happened
   */
  public void carryOut(
      Plan plan, UUID sourceEventId, String patientKey, String cpr, Instant eventTime) {
    for (Plan.Unaddressed duty : plan.unaddressed()) {
      escalations.escalateUnaddressed(patientKey, null, duty.duty(), duty.reason());
    }
    Optional<PatientName> name = patients.nameOf(patientKey);
    for (PlannedNotification planned : plan.notifications()) {
      // No "already produced?" query here: the event is handled once (processed_message, same
      // transaction), and DeliveryService.send and refuse still keep each (event, recipient,
      // type) to one message. The query cost a round trip and a Hibernate flush per notification
      // in a path that drains backlogs one record at a time (docs/performance.md, "Notification
      // drain").
      Bundle bundle;
      if (planned.type() == MessageType.HOSPITAL_NOTIFICATION) {
        HospitalStay stay = patients.stayOf(planned.courseId());
        if (stay == null) {
          escalations.escalateUnaddressed(
              patientKey,
              planned.type().name(),
              planned.duty(),
              "the hospital stay is unknown to notification-service");
          continue;
        }
        bundle = composer.hospitalNotification(planned, cpr, name, stay, eventTime);
      } else {
        bundle = composer.careCommunication(planned, cpr, name);
      }
      OutgoingMessage message = new OutgoingMessage();
      message.messageHeaderId = bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
      message.sourceEventId = sourceEventId;
      message.origin = OutgoingMessage.Origin.ORIGINATED;
      message.messageType = planned.type().name();
      message.eventCode = planned.code();
      message.duty = planned.duty();
      message.recipientGln = planned.recipient().gln();
      message.recipientSor = planned.recipient().sor();
      message.senderGln = planned.sender().gln();
      message.senderSor = planned.sender().sor();
      message.patientKey = patientKey;
      message.courseId = planned.courseId();
      message.contentType = MedcomFormat.JSON.mimeType();
      MedcomValidator.Built built = validator.validateBuilt(bundle);
      String text = built.text();
      List<MedcomIssue> issues = built.issues();
      if (MedcomValidator.hasErrors(issues)) {
        // Never send what the receiver would have to reject: kept, dead-lettered and escalated
        // so a coordinator sees it (docs/notifications.md, "Outgoing validation").
        deliveries.refuse(message, bundle.getIdElement().getIdPart(), text, refusal(issues));
        continue;
      }
      deliveries.send(
          message, bundle.getIdElement().getIdPart(), text, planned.recipient().acknowledges());
    }
  }

  /**
   * The reason a message was not sent: each error's code and path, never its diagnostics (HAPI may
   * quote values, and the reason is logged and published).
   */
  static String refusal(List<MedcomIssue> issues) {
    return "not sent: fails MedCom validation: "
        + issues.stream()
            .filter(MedcomIssue::isError)
            .limit(5)
            .map(issue -> issue.detailsCode() + " at " + issue.path())
            .collect(Collectors.joining("; "));
  }
}
