package dk.stafet.notification;

import static dk.stafet.notification.support.Organisations.COORDINATOR;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.DeliveryEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.notification.delivery.DeliveryMetrics;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retransmission per MedCom over real Kafka and PostgreSQL, with the test timings of
 * application.properties (acknowledgement timeout 4 s, 2 resends, poller every second).
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class RetransmissionTest {

  @Inject DeliveryOperations operations;
  @Inject MeterRegistry meters;
  @Inject DeliveryMetrics deliveryMetrics;

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
  void withoutAcknowledgementTheLetterIsResentTwiceThenDeadLetteredAndEscalated() {
    double resentBefore = meters.get("stafet.delivery.retransmissions").counter().count();
    double deadBefore = meters.get("stafet.delivery.dead.letters").counter().count();
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(kafka, discharge(patient));
    DeliveryView sent = deliveries.awaitOne(patient);

    DeliveryView dead = deliveries.awaitState(sent.messageHeaderId(), DeliveryState.DEAD_LETTER);

    assertThat(dead.attempts()).isEqualTo(3);
    List<MedcomMessage> transmissions =
        deliveries.transmissions(HERLEV.gln(), sent.messageHeaderId(), 3);
    assertThat(transmissions)
        .extracting(MedcomMessage::messageHeaderId)
        .containsOnly(sent.messageHeaderId());
    assertThat(transmissions).extracting(MedcomMessage::bundleId).doesNotHaveDuplicates();
    assertThat(transmissions.get(2).bundleTimestamp())
        .isAfter(transmissions.get(0).bundleTimestamp());
    assertThat(transmissions.get(2).provenances())
        .hasSameSizeAs(transmissions.get(0).provenances());
    assertThat(escalation(sent.messageHeaderId()).attempts()).isEqualTo(3);
    // The schedule: each resend after the timeout, not before.
    assertThat(
            Duration.between(
                transmissions.get(0).bundleTimestamp(), transmissions.get(2).bundleTimestamp()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .get("/api/deliveries/dead-letters")
        .then()
        .statusCode(200)
        .body("messageHeaderId", hasItem(sent.messageHeaderId()));
    // The metrics ops watch (docs/operations.md): two retransmissions, one more dead letter, and
    // the
    // gauge of deliveries by state counts it.
    assertThat(meters.get("stafet.delivery.retransmissions").counter().count())
        .isGreaterThanOrEqualTo(resentBefore + 2);
    assertThat(meters.get("stafet.delivery.dead.letters").counter().count())
        .isGreaterThanOrEqualTo(deadBefore + 1);
    deliveryMetrics.refresh();
    assertThat(meters.get("stafet.deliveries").tag("state", "DEAD_LETTER").gauge().value())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void deadLetterCanBeResentByHandAsTheSameLetter() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(kafka, discharge(patient));
    String headerId = deliveries.awaitOne(patient).messageHeaderId();
    deliveries.awaitState(headerId, DeliveryState.DEAD_LETTER);

    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .post("/api/deliveries/" + headerId + "/resend")
        .then()
        .statusCode(200)
        .body("state", equalTo("SENT"))
        .body("attempts", equalTo(4));
    TestEvents.publish(
        kafka, TestEvents.ack(UUID.randomUUID().toString(), headerId, "ok", HERLEV.gln(), patient));

    deliveries.awaitState(headerId, DeliveryState.ACKNOWLEDGED);
    assertThat(deliveries.transmissions(HERLEV.gln(), headerId, 4))
        .extracting(MedcomMessage::messageHeaderId)
        .containsOnly(headerId);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .post("/api/deliveries/" + headerId + "/resend")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_DEAD_LETTERED"))
        .body("type", equalTo("https://stafet.dk/problems/not-dead-lettered"));
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .post("/api/deliveries/" + UUID.randomUUID() + "/resend")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void negativeAcknowledgementEscalatesAtOnceWithoutResend() throws InterruptedException {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.responsibility(
            ResponsibilityEventType.RESPONSIBILITY_CHANGED, patient, HOSPITAL.sor(), GP.sor()));
    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.messageType()).isEqualTo("CARE_COMMUNICATION");

    TestEvents.publish(
        kafka,
        TestEvents.ack(
            UUID.randomUUID().toString(),
            sent.messageHeaderId(),
            "fatal-error",
            GP.gln(),
            patient));

    DeliveryView negative = deliveries.awaitState(sent.messageHeaderId(), DeliveryState.NEGATIVE);
    assertThat(escalation(sent.messageHeaderId()).reason()).contains("fatal-error");
    int attempts = negative.attempts();
    Thread.sleep(Duration.ofSeconds(6).toMillis()); // beyond the ack timeout: nothing is resent
    assertThat(operations.get(sent.messageHeaderId()).orElseThrow().attempts()).isEqualTo(attempts);
    assertThat(operations.get(sent.messageHeaderId()).orElseThrow().state())
        .isEqualTo(DeliveryState.NEGATIVE);
  }

  @Test
  void transientErrorResendsAndALaterOkDecides() {
    long latenciesBefore = meters.get("stafet.delivery.ack.latency").timer().count();
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(kafka, discharge(patient));
    DeliveryView sent = deliveries.awaitOne(patient);
    String transientAck = UUID.randomUUID().toString();

    TestEvents.publish(
        kafka,
        TestEvents.ack(
            transientAck, sent.messageHeaderId(), "transient-error", HERLEV.gln(), patient));
    deliveries.awaitAttempts(sent.messageHeaderId(), 2);
    // The same transient ack again is a duplicate and changes nothing; then the receiver's ok
    // decides.
    TestEvents.publish(
        kafka,
        TestEvents.ack(
            transientAck, sent.messageHeaderId(), "transient-error", HERLEV.gln(), patient));
    TestEvents.publish(
        kafka,
        TestEvents.ack(
            UUID.randomUUID().toString(), sent.messageHeaderId(), "ok", HERLEV.gln(), patient));

    DeliveryView acknowledged =
        deliveries.awaitState(sent.messageHeaderId(), DeliveryState.ACKNOWLEDGED);
    assertThat(acknowledged.attempts()).isBetween(2, 3);
    assertThat(meters.get("stafet.delivery.ack.latency").timer().count())
        .as("the acknowledgement latency is measured")
        .isGreaterThan(latenciesBefore);
    assertThat(deliveries.transmissions(HERLEV.gln(), sent.messageHeaderId(), 2))
        .extracting(MedcomMessage::bundleId)
        .doesNotHaveDuplicates();
  }

  @Test
  void unmatchedAndDuplicateAcknowledgementsAreHarmless() {
    String patient = TestEvents.newPatientKey();
    String unknownLetter = UUID.randomUUID().toString();
    String ackId = UUID.randomUUID().toString();
    TestEvents.publish(kafka, TestEvents.ack(ackId, unknownLetter, "ok", HERLEV.gln(), patient));
    TestEvents.publish(kafka, TestEvents.ack(ackId, unknownLetter, "ok", HERLEV.gln(), patient));

    org.awaitility.Awaitility.await()
        .atMost(Deliveries.WAIT)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.forOrganisation(COORDINATOR))
                    .get("/api/deliveries/unmatched-acks")
                    .then()
                    .statusCode(200)
                    .body("findAll { it.ackHeaderId == '" + ackId + "' }.size()", equalTo(1)));
  }

  @Test
  void countsPerStateAndRecipient() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(kafka, discharge(patient));
    deliveries.awaitOne(patient);

    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .get("/api/deliveries/counts")
        .then()
        .statusCode(200)
        .body("recipientGln", hasItem(HERLEV.gln()));
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .queryParam("patientKey", patient)
        .get("/api/deliveries")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].eventCode", equalTo("SLHJ"));
  }

  private DeliveryEvent escalation(String messageHeaderId) {
    ConsumerRecord<String, String> record =
        kafka.awaitRecord(
            Topics.DELIVERY_EVENTS, r -> r.value().contains(messageHeaderId), Deliveries.WAIT);
    DeliveryEvent event = EventJson.read(record.value(), DeliveryEvent.class);
    assertThat(event.type()).isEqualTo(DeliveryEvent.Type.ESCALATED);
    assertThat(KafkaTestClient.header(record, "ce_type")).contains("dk.stafet.delivery.escalated");
    return event;
  }

  private static dk.stafet.contracts.events.CourseEvent discharge(String patient) {
    return TestEvents.course(
        CourseEventType.DISCHARGED,
        patient,
        UUID.randomUUID().toString(),
        HOSPITAL.sor(),
        null,
        Map.of(
            "hnCode",
            "SLHJ",
            "encounterClass",
            "IMP",
            "municipalityCode",
            HERLEV.municipalityCode()));
  }
}
