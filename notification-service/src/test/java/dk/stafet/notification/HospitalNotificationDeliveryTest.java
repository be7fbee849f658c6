package dk.stafet.notification;

import static dk.stafet.notification.support.Organisations.COORDINATOR;
import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static dk.stafet.notification.support.Organisations.NO_ACK_MUNICIPALITY;
import static dk.stafet.notification.support.Organisations.PATIENT_PORTAL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.DeliveryEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.CareCommunicationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HospitalNotifications over real Kafka and PostgreSQL: built, sent, acknowledged, never twice; hub
 * deliveries.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class HospitalNotificationDeliveryTest {

  @Inject DeliveryOperations operations;

  private KafkaTestClient kafka;
  private Deliveries deliveries;

  @BeforeEach
  void connect() {
    kafka = KafkaTestClient.create();
    deliveries = new Deliveries(operations, kafka);
  }

  @AfterEach
  void close() {
    kafka.close();
  }

  @Test
  void admissionReportedOverRestIsNotifiedToTheMunicipalityAndAcknowledged() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.LISTED_GP_REGISTERED,
            patient,
            null,
            GP.sor(),
            null,
            Map.of("municipalitySor", GLADSAXE.sor())));
    TestEvents.publish(kafka, TestEvents.admission(patient));

    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.messageType()).isEqualTo("HOSPITAL_NOTIFICATION");
    assertThat(sent.eventCode()).isEqualTo("STIN");
    assertThat(sent.recipientGln()).isEqualTo(GLADSAXE.gln());
    assertThat(sent.senderGln()).isEqualTo(HOSPITAL.gln());
    MedcomMessage onTopic =
        deliveries.transmissions(GLADSAXE.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(onTopic.hospitalNotificationEvent()).contains(HospitalNotificationEvent.STIN);
    assertThat(onTopic.sender().orElseThrow().sor()).isEqualTo(HOSPITAL.sor());
    assertThat(onTopic.patient().orElseThrow().cprValue()).contains(TestEvents.CPR);
    assertThat(onTopic.patient().orElseThrow().familyName())
        .as("no event named the patient: MedCom's placeholder")
        .isEqualTo("Ukendt");

    TestEvents.publish(
        kafka,
        TestEvents.ack(
            UUID.randomUUID().toString(), sent.messageHeaderId(), "ok", GLADSAXE.gln(), patient));

    DeliveryView acknowledged =
        deliveries.awaitState(sent.messageHeaderId(), DeliveryState.ACKNOWLEDGED);
    assertThat(acknowledged.ackCode()).isEqualTo("ok");
    assertThat(acknowledged.nextAttemptAt()).isNull();
  }

  @Test
  void theOfficialNameTheEventsCarryNamesThePatientInTheMessage() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.LISTED_GP_REGISTERED,
            patient,
            null,
            GP.sor(),
            null,
            Map.of(
                "municipalitySor",
                GLADSAXE.sor(),
                "patientFamilyName",
                "Berggren",
                "patientGivenNames",
                "Nancy Ann")));
    TestEvents.publish(kafka, TestEvents.admission(patient));

    DeliveryView sent = deliveries.awaitOne(patient);
    MedcomMessage onTopic =
        deliveries.transmissions(GLADSAXE.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(onTopic.patient().orElseThrow().familyName()).isEqualTo("Berggren");
    assertThat(onTopic.patient().orElseThrow().givenNames()).containsExactly("Nancy", "Ann");
  }

  /**
   * notification-service is the last line before a receiver: a message it built that fails MedCom's
   * profiles (here from an encounter class no producer of Stafet's sends) is not sent, but kept,
   * dead-lettered and escalated — never parked unseen.
   */
  @Test
  void aMessageThatFailsMedcomValidationIsNotSentButDeadLetteredAndEscalated() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.LISTED_GP_REGISTERED,
            patient,
            null,
            GP.sor(),
            null,
            Map.of("municipalitySor", GLADSAXE.sor())));
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.ADMISSION_STARTED,
            patient,
            UUID.randomUUID().toString(),
            HOSPITAL.sor(),
            null,
            Map.of(
                "hnCode",
                "STIN",
                "encounterClass",
                "XYZ",
                "episodeOfCareId",
                UUID.randomUUID().toString())));

    DeliveryView refused = deliveries.awaitOne(patient);
    assertThat(refused.state()).isEqualTo(DeliveryState.DEAD_LETTER);
    assertThat(refused.stateReason())
        .startsWith("not sent: fails MedCom validation: ")
        .contains("Encounter")
        .doesNotContain(TestEvents.CPR);
    assertThat(refused.attempts()).isZero();
    ConsumerRecord<String, String> escalation =
        kafka.awaitRecord(
            Topics.DELIVERY_EVENTS,
            r -> r.value().contains(refused.messageHeaderId()),
            Deliveries.WAIT);
    assertThat(EventJson.read(escalation.value(), DeliveryEvent.class).type())
        .isEqualTo(DeliveryEvent.Type.ESCALATED);
    assertThat(
            kafka.readAll(Topics.outboundFor(GLADSAXE.gln()), Duration.ofSeconds(5)).stream()
                .filter(r -> r.value().contains(refused.messageHeaderId())))
        .as("nothing reached the receiver")
        .isEmpty();
    assertThatThrownBy(() -> operations.resend(refused.messageHeaderId()))
        .as("a manual resend would send the same invalid message")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never sent");
  }

  @Test
  void laterNotificationsOfTheStayCarryTheChain() {
    String patient = TestEvents.newPatientKey();
    CourseEvent admission = TestEvents.admission(patient);
    TestEvents.publish(kafka, admission);
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.DISCHARGED,
            patient,
            admission.courseId(),
            HOSPITAL.sor(),
            null,
            Map.of("hnCode", "SLHJ", "encounterClass", "IMP", "municipalityCode", "0163")));

    List<DeliveryView> both =
        org.awaitility.Awaitility.await()
            .atMost(Deliveries.WAIT)
            .until(() -> deliveries.of(patient), list -> list.size() == 2);
    DeliveryView discharge =
        both.stream().filter(v -> "SLHJ".equals(v.eventCode())).findFirst().orElseThrow();
    DeliveryView start =
        both.stream().filter(v -> "STIN".equals(v.eventCode())).findFirst().orElseThrow();
    assertThat(discharge.recipientGln()).isEqualTo(HERLEV.gln());
    MedcomMessage message =
        deliveries.transmissions(HERLEV.gln(), discharge.messageHeaderId(), 1).get(0);
    assertThat(message.provenances())
        .extracting(p -> p.activityCode())
        .containsExactly("admit-inpatient", "discharge-inpatient-home");
    assertThat(message.currentProvenance().orElseThrow().entities())
        .singleElement()
        .satisfies(
            e -> assertThat(e.reference()).isEqualTo("MessageHeader/" + start.messageHeaderId()));
    assertThat(message.encounter().orElseThrow().status()).isEqualTo("finished");
  }

  @Test
  void redeliveredEventCreatesNoSecondMessage() throws InterruptedException {
    String patient = TestEvents.newPatientKey();
    CourseEvent admission = TestEvents.admission(patient);
    TestEvents.publish(kafka, admission);
    // The same event again: a redelivery (same CloudEvents id), and a re-publication under a new
    // CloudEvents id.
    TestEvents.publish(
        kafka,
        Topics.COURSE_EVENTS,
        patient,
        admission.eventId(),
        admission.type().cloudEventType(),
        admission);
    TestEvents.publish(
        kafka,
        Topics.COURSE_EVENTS,
        patient,
        UUID.randomUUID(),
        admission.type().cloudEventType(),
        admission);
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.REFERRAL_RECEIVED, patient, "marker", HOSPITAL.sor(), null, Map.of()));

    deliveries.awaitOne(patient);
    Thread.sleep(
        1500); // the three copies are consumed in order, before the marker; allow the last to
    // commit
    assertThat(deliveries.of(patient)).hasSize(1);
  }

  @Test
  void factReportedByAMedcomMessageIsNotSentAgain() throws InterruptedException {
    String patient = TestEvents.newPatientKey();
    CourseEvent fromMessage =
        new CourseEvent(
            UUID.randomUUID(),
            CourseEventType.ADMISSION_STARTED,
            Instant.now(),
            Instant.now(),
            patient,
            TestEvents.CPR,
            UUID.randomUUID().toString(),
            HOSPITAL.sor(),
            null,
            UUID.randomUUID().toString(),
            Map.of("hnCode", "STIN", "encounterClass", "IMP", "municipalityCode", "0163"));
    TestEvents.publish(kafka, fromMessage);
    TestEvents.publish(
        kafka,
        TestEvents.admission(
            patient)); // a REST fact after it, as a marker that the first was consumed

    deliveries.awaitOne(patient);
    Thread.sleep(1000);
    assertThat(deliveries.of(patient))
        .singleElement()
        .satisfies(v -> assertThat(v.sourceEventId()).isNotEqualTo(fromMessage.eventId()));
  }

  @Test
  void recipientThatCannotAcknowledgeIsDeliveredWithoutWaiting() throws InterruptedException {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.ADMISSION_STARTED,
            patient,
            UUID.randomUUID().toString(),
            HOSPITAL.sor(),
            null,
            Map.of(
                "hnCode",
                "STAA",
                "encounterClass",
                "EMER",
                "municipalityCode",
                NO_ACK_MUNICIPALITY.municipalityCode())));

    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.state()).isEqualTo(DeliveryState.DELIVERED_NO_ACK_EXPECTED);
    assertThat(sent.nextAttemptAt()).isNull();
    Thread.sleep(
        Duration.ofSeconds(5)
            .toMillis()); // longer than the test ack timeout: still one transmission
    assertThat(operations.get(sent.messageHeaderId()).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void hubDeliversAnotherOrganisationsMessageUnchangedInANewEnvelope() {
    String patient = TestEvents.newPatientKey();
    MedcomCodec codec = new MedcomCodec();
    Bundle original =
        TestEvents.hospitalStin("https://hospital.example/fhir/", "Elmer", Instant.now());
    String originalText = codec.write(original, MedcomFormat.JSON);
    MedcomMessage sent = codec.parseMessage(originalText, MedcomFormat.JSON.mimeType());
    MedcomMessageEvent forDelivery =
        TestEvents.forDelivery(
            patient, "HOSPITAL_NOTIFICATION", sent, originalText, HOSPITAL, HERLEV);

    TestEvents.publish(kafka, forDelivery);

    DeliveryView tracked = deliveries.awaitOne(patient);
    assertThat(tracked.origin()).isEqualTo("HUB_DELIVERY");
    assertThat(tracked.messageHeaderId()).isEqualTo(sent.messageHeaderId());
    assertThat(tracked.messageType()).isEqualTo("HOSPITAL_NOTIFICATION");
    assertThat(tracked.eventCode()).isEqualTo("STIN");
    assertThat(tracked.state()).isEqualTo(DeliveryState.SENT);
    MedcomMessage delivered =
        deliveries.transmissions(HERLEV.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(delivered.bundleId()).isNotEqualTo(sent.bundleId());
    assertThat(delivered.sender().orElseThrow().gln()).isEqualTo(HOSPITAL.gln());
    assertThat(delivered.provenances()).isEqualTo(sent.provenances());
    assertThat(delivered.encounter()).isEqualTo(sent.encounter());

    TestEvents.publish(
        kafka,
        TestEvents.ack(
            UUID.randomUUID().toString(), sent.messageHeaderId(), "ok", HERLEV.gln(), patient));
    deliveries.awaitState(sent.messageHeaderId(), DeliveryState.ACKNOWLEDGED);
  }

  /**
   * An event from a front door older than the event code (still on the topic after an upgrade): the
   * hub reads the letter itself for what its log needs, and forwards it all the same.
   */
  @Test
  void aDeliveryEventWithoutTheEventCodeIsReadFromTheLetter() {
    String patient = TestEvents.newPatientKey();
    MedcomCodec codec = new MedcomCodec();
    String originalText =
        codec.write(
            TestEvents.hospitalStin("https://hospital.example/fhir/", "Olsen", Instant.now()),
            MedcomFormat.JSON);
    MedcomMessage sent = codec.parseMessage(originalText, MedcomFormat.JSON.mimeType());

    TestEvents.publish(
        kafka,
        TestEvents.withoutEventCode(
            TestEvents.forDelivery(
                patient, "HOSPITAL_NOTIFICATION", sent, originalText, HOSPITAL, HERLEV)));

    DeliveryView tracked = deliveries.awaitOne(patient);
    assertThat(tracked.origin()).isEqualTo("HUB_DELIVERY");
    assertThat(tracked.eventCode()).isEqualTo("STIN");
    MedcomMessage delivered =
        deliveries.transmissions(HERLEV.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(delivered.bundleId()).isNotEqualTo(sent.bundleId());
    assertThat(delivered.encounter()).isEqualTo(sent.encounter());
  }

  /**
   * A CareCommunication reply the front door accepted for another organisation (docs/front-door.md,
   * "CareCommunication threads") reaches the sender of the letter it answers with its thread as
   * MedCom defines it: the same thread id and the Provenance naming the letter answered.
   */
  @Test
  void hubDeliversAReplyToTheSenderOfTheLetterItAnswersWithItsThreadUnchanged() {
    String patient = TestEvents.newPatientKey();
    MedcomCodec codec = new MedcomCodec();
    CareCommunicationBuilder builder =
        new CareCommunicationBuilder("https://municipality.example/fhir/", Clock.systemUTC());
    CareCommunicationBuilder.Author author =
        new CareCommunicationBuilder.Author("Ida", "Jensen", "laegesekretaer", "70000000");
    MedcomMessage first =
        new MedcomMessage(
            builder.build(
                new CareCommunicationBuilder.CareCommunication(
                    null,
                    null,
                    HOSPITAL.asOrganisation(),
                    HERLEV.asOrganisation(),
                    TestEvents.CPR,
                    "Elmer",
                    List.of(),
                    "carecoordination",
                    null,
                    "Spørgsmål",
                    null,
                    author)));
    String replyText =
        codec.write(
            builder.reply(
                new CareCommunicationBuilder.CareCommunication(
                    null,
                    null,
                    HERLEV.asOrganisation(),
                    HOSPITAL.asOrganisation(),
                    TestEvents.CPR,
                    "Elmer",
                    List.of(),
                    "carecoordination",
                    null,
                    "Svar",
                    null,
                    author),
                first),
            MedcomFormat.JSON);
    MedcomMessage reply = codec.parseMessage(replyText, MedcomFormat.JSON.mimeType());

    TestEvents.publish(
        kafka,
        TestEvents.forDelivery(patient, "CARE_COMMUNICATION", reply, replyText, HERLEV, HOSPITAL));

    MedcomMessage delivered =
        deliveries.transmissions(HOSPITAL.gln(), reply.messageHeaderId(), 1).get(0);
    var thread = delivered.careCommunicationThread().orElseThrow();
    assertThat(thread.isReply()).isTrue();
    assertThat(thread.threadId())
        .isEqualTo(first.careCommunicationThread().orElseThrow().threadId());
    assertThat(thread.precedingMessageHeaderId()).isEqualTo(first.messageHeaderId());
    assertThat(delivered.communication().orElseThrow().payloadTexts())
        .containsExactly("Spørgsmål", "Svar");
  }

  @Test
  void eachCallerSeesOnlyTheMessagesItMaySeeAndEveryReadIsAudited() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.LISTED_GP_REGISTERED,
            patient,
            null,
            GP.sor(),
            null,
            Map.of("municipalitySor", GLADSAXE.sor())));
    TestEvents.publish(kafka, TestEvents.admission(patient));
    String headerId = deliveries.awaitOne(patient).messageHeaderId();

    // No organisation: 401. The recipient (Gladsaxe) and the sender (the hospital, by its GLN) see
    // the letter.
    // The same 401 body in all three services (docs/errors.md): RFC 9457 plus the stable code.
    given()
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("keySet()", containsInAnyOrder("type", "title", "status", "detail", "code"))
        .body("type", equalTo("https://stafet.dk/problems/not-authenticated"))
        .body("title", equalTo("No calling organisation"))
        .body("status", equalTo(401))
        .body("code", equalTo("NOT_AUTHENTICATED"))
        .body("detail", containsString("bearer token"));
    asCaller(GLADSAXE.sor())
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(200)
        .body("messageHeaderId", contains(headerId));
    asCaller(HOSPITAL.sor()).get("/api/deliveries/" + headerId).then().statusCode(200);
    // Another municipality sees nothing of it, neither in lists nor by id nor in its counts.
    asCaller(HERLEV.sor())
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    asCaller(HERLEV.sor()).get("/api/deliveries/" + headerId).then().statusCode(404);
    asCaller(HERLEV.sor())
        .get("/api/deliveries/counts")
        .then()
        .statusCode(200)
        .body("recipientGln", everyItem(equalTo(HERLEV.gln())));
    // Only coordinators resend and see the unmatched acknowledgements.
    asCaller(GLADSAXE.sor()).post("/api/deliveries/" + headerId + "/resend").then().statusCode(403);
    asCaller(GLADSAXE.sor()).get("/api/deliveries/unmatched-acks").then().statusCode(403);
    asCaller(COORDINATOR).get("/api/deliveries/" + headerId).then().statusCode(200);
    // The patient portal reads its own citizen's messages, never another's, the whole list or a
    // letter by id.
    var portal = given().auth().oauth2(TestTokens.portalForPatient(patient));
    portal
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(200)
        .body("messageHeaderId", contains(headerId));
    given()
        .auth()
        .oauth2(TestTokens.portalForPatient("p-someone-else"))
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.portalForPatient(patient))
        .get("/api/deliveries")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.portalForPatient(patient))
        .get("/api/deliveries/" + headerId)
        .then()
        .statusCode(404);

    List<String> audited =
        QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofPatient(patient)).stream()
            .map(e -> e.callerSor + " " + e.action + " " + e.outcome)
            .toList();
    assertThat(audited)
        .containsExactly(
            GLADSAXE.sor() + " READ_DELIVERIES GRANTED",
            HOSPITAL.sor() + " READ_DELIVERIES GRANTED",
            COORDINATOR + " READ_AS_COORDINATOR:READ_DELIVERIES GRANTED",
            PATIENT_PORTAL + " READ_AS_PATIENT_PORTAL:READ_DELIVERIES GRANTED");
  }

  private static RequestSpecification asCaller(String sor) {
    return given().auth().oauth2(TestTokens.forOrganisation(sor));
  }
}
