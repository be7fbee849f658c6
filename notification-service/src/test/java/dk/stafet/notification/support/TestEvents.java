package dk.stafet.notification.support;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.notification.directory.Party;
import dk.stafet.testsupport.KafkaTestClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Publishes Stafet events the way the other services do: binary CloudEvents, patient key as record
 * key.
 */
public final class TestEvents {

  public static final String CPR = "2509479989";

  private TestEvents() {}

  /** A fresh patient pseudonym, so tests sharing the broker never see each other's records. */
  public static String newPatientKey() {
    return "p-" + UUID.randomUUID().toString().replace("-", "");
  }

  public static CourseEvent course(
      CourseEventType type,
      String patientKey,
      String courseId,
      String organisationSor,
      String counterpartSor,
      Map<String, String> details) {
    return CourseEvent.recordedNow(
        type, patientKey, CPR, Instant.now(), courseId, organisationSor, counterpartSor, details);
  }

  /** A hospital's (HOSPITAL's) admission (STIN, inpatient), a new stay. */
  public static CourseEvent admission(String patientKey) {
    return course(
        CourseEventType.ADMISSION_STARTED,
        patientKey,
        UUID.randomUUID().toString(),
        Organisations.HOSPITAL.sor(),
        null,
        Map.of(
            "hnCode",
            "STIN",
            "encounterClass",
            "IMP",
            "episodeOfCareId",
            UUID.randomUUID().toString()));
  }

  public static ResponsibilityEvent responsibility(
      ResponsibilityEventType type, String patientKey, String fromSor, String toSor) {
    return new ResponsibilityEvent(
        UUID.randomUUID(),
        type,
        Instant.now(),
        patientKey,
        CPR,
        "course-" + patientKey,
        fromSor,
        toSor,
        "R5",
        "GP",
        "GP",
        null,
        Map.of());
  }

  public static MedcomMessageEvent ack(
      String ackHeaderId,
      String acknowledgedHeaderId,
      String code,
      String senderGln,
      String patientKey) {
    return new MedcomMessageEvent(
        UUID.randomUUID(),
        MedcomMessageEvent.Kind.ACKNOWLEDGEMENT_RECEIVED,
        Instant.now(),
        patientKey,
        "Acknowledgement",
        null,
        ackHeaderId,
        UUID.randomUUID().toString(),
        senderGln,
        null,
        null,
        null,
        code,
        acknowledgedHeaderId,
        "application/fhir+json",
        null);
  }

  /**
   * A hospital's (HOSPITAL's) HospitalNotification STIN to HERLEV about {@link #CPR}, as a sender
   * outside Stafet builds it.
   */
  public static Bundle hospitalStin(String fullUrlBase, String familyName, Instant start) {
    return new HospitalNotificationBuilder(fullUrlBase, Clock.systemUTC())
        .build(
            new HospitalNotificationBuilder.Notification(
                HospitalNotificationEvent.STIN,
                null,
                Organisations.HOSPITAL.asOrganisation(),
                Organisations.HERLEV.asOrganisation(),
                null,
                CPR,
                familyName,
                List.of(),
                "IMP",
                UUID.randomUUID().toString(),
                null,
                start,
                null,
                null,
                null,
                List.of(),
                null,
                null));
  }

  /**
   * The front door's event handing {@code message} (written as {@code text}, JSON) to the hub for
   * delivery from {@code sender} to {@code receiver}.
   */
  public static MedcomMessageEvent forDelivery(
      String patientKey,
      String messageType,
      MedcomMessage message,
      String text,
      Party sender,
      Party receiver) {
    return new MedcomMessageEvent(
        UUID.randomUUID(),
        MedcomMessageEvent.Kind.FOR_DELIVERY,
        Instant.now(),
        patientKey,
        messageType,
        message.eventCode().orElse(null),
        message.messageHeaderId(),
        message.bundleId(),
        sender.gln(),
        sender.sor(),
        receiver.gln(),
        receiver.sor(),
        null,
        null,
        MedcomFormat.JSON.mimeType(),
        text);
  }

  /** {@code event} as a front door from before the event code published it. */
  public static MedcomMessageEvent withoutEventCode(MedcomMessageEvent event) {
    return new MedcomMessageEvent(
        event.eventId(),
        event.kind(),
        event.receivedAt(),
        event.patientKey(),
        event.messageType(),
        null,
        event.messageHeaderId(),
        event.bundleId(),
        event.senderGln(),
        event.senderSor(),
        event.receiverGln(),
        event.receiverSor(),
        event.ackCode(),
        event.acknowledgedHeaderId(),
        event.contentType(),
        event.rawBundle());
  }

  public static void publish(KafkaTestClient kafka, CourseEvent event) {
    publish(
        kafka,
        Topics.COURSE_EVENTS,
        event.patientKey(),
        event.eventId(),
        event.type().cloudEventType(),
        event);
  }

  public static void publish(KafkaTestClient kafka, ResponsibilityEvent event) {
    publish(
        kafka,
        Topics.RESPONSIBILITY_EVENTS,
        event.patientKey(),
        event.eventId(),
        event.type().cloudEventType(),
        event);
  }

  public static void publish(KafkaTestClient kafka, MedcomMessageEvent event) {
    publish(
        kafka,
        Topics.MEDCOM_MESSAGE_EVENTS,
        event.patientKey(),
        event.eventId(),
        event.cloudEventType(),
        event);
  }

  /** Sends {@code event} with CloudEvents id {@code ceId} (a redelivery repeats it). */
  public static void publish(
      KafkaTestClient kafka, String topic, String key, UUID ceId, String type, Object event) {
    kafka.send(
        topic,
        key,
        EventJson.write(event),
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", ceId.toString(),
            "ce_type", type,
            "ce_source", "/stafet/test",
            "content-type", "application/json"));
  }
}
