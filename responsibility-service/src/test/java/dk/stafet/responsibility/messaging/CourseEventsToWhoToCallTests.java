package dk.stafet.responsibility.messaging;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.OUT_OF_HOURS;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.discharged;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.responsibility.support.TestFacts;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CourseEvents on the real broker become ledger entries and who-to-call answers (R6, R9, R22),
 * exactly once.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CourseEventsToWhoToCallTests {

  private static KafkaTestClient kafka;

  @Inject PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void admissionGivesDepartment24hThenDischargeGivesGpInGpHoursAndOutOfHoursOtherwise() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-03-01T09:00"), GP_AABYHOEJ));
    send(kafka, admitted(key, cpr, dk("2025-03-03T10:00"), "stay-1", CARDIOLOGY)); // Monday
    send(kafka, discharged(key, cpr, dk("2025-03-05T10:00"), "stay-1", CARDIOLOGY)); // Wednesday

    String path = "/api/patients/" + key + "/who-to-call?at=";
    // R9: after discharge, in GP hours (Wednesday 13:00) → the GP, until 16:00 (R2).
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(GP_AABYHOEJ, path + dk("2025-03-05T13:00"))
                    .statusCode(200)
                    .body("role", equalTo("GP"))
                    .body("organisation.sor", equalTo(GP_AABYHOEJ))
                    .body("rule", equalTo("R9"))
                    .body("treatmentSector", equalTo("GP"))
                    .body("validUntil", equalTo(dk("2025-03-05T16:00").toString()))
                    .body("contactPoint.phone", equalTo("86 10 20 30")));

    // R6: while admitted, even at night → the admitting department's 24-h line, until the
    // discharge.
    get(GP_AABYHOEJ, path + dk("2025-03-04T22:00"))
        .statusCode(200)
        .body("role", equalTo("HOSPITAL_DEPARTMENT_24H"))
        .body("organisation.sor", equalTo(CARDIOLOGY))
        .body("contactPoint.openingHours", equalTo("24 hours, all year (on-call phone)"))
        .body("rule", equalTo("R6"))
        .body("treatmentSector", equalTo("HOSPITAL"))
        .body("patientResponsibleDoctor.organisation.sor", equalTo(CARDIOLOGY))
        .body("validUntil", equalTo(dk("2025-03-05T10:00").toString()));

    // R9/R22 outside GP hours → the out-of-hours service, while the GP stays PRD.
    get(GP_AABYHOEJ, path + dk("2025-03-05T19:00"))
        .statusCode(200)
        .body("role", equalTo("OUT_OF_HOURS_SERVICE"))
        .body("organisation.sor", equalTo(OUT_OF_HOURS))
        .body("contactPoint.phone", equalTo("70 11 31 31"))
        .body("treatmentSector", equalTo("OUT_OF_HOURS"))
        .body("patientResponsibleDoctor.organisation.sor", equalTo(GP_AABYHOEJ))
        .body("validUntil", equalTo(dk("2025-03-06T08:00").toString()));

    // The holder changes are published on the real topic, keyed by the pseudonym, in order.
    List<ConsumerRecord<String, String>> changes =
        kafka.poll(
            Topics.RESPONSIBILITY_EVENTS,
            r ->
                key.equals(r.key())
                    && "dk.stafet.responsibility.responsibility-changed"
                        .equals(KafkaTestClient.header(r, "ce_type").orElse(null)),
            3,
            Duration.ofSeconds(30));
    List<ResponsibilityEvent> events =
        changes.stream().map(r -> EventJson.read(r.value(), ResponsibilityEvent.class)).toList();
    assertThat(events).extracting(ResponsibilityEvent::rule).containsExactly("R5", "R6", "R9");
    assertThat(events.get(2).fromSor()).isEqualTo(CARDIOLOGY);
    assertThat(events.get(2).toSor()).isEqualTo(GP_AABYHOEJ);
    assertThat(events.get(2).occurredAt()).isEqualTo(dk("2025-03-05T10:00"));
  }

  @Test
  void redeliveredEventHasNoSecondEffect() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    CourseEvent admission = admitted(key, cpr, dk("2025-04-07T10:00"), "stay-2", CARDIOLOGY);
    send(kafka, listedGp(key, cpr, dk("2025-04-01T09:00"), GP_AABYHOEJ));
    send(kafka, admission);
    send(kafka, admission); // the outbox relay may send an event twice: same ce_id
    // A later fact on the same key: once it is applied, the duplicate before it has been handled
    // too.
    send(
        kafka,
        TestFacts.event(
            CourseEventType.LEAVE_STARTED,
            key,
            cpr,
            dk("2025-04-08T10:00"),
            "stay-2",
            CARDIOLOGY,
            null,
            Map.of("hnCode", "STOR")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(
                        CARDIOLOGY,
                        "/api/patients/" + key + "/responsibility?at=" + dk("2025-04-08T12:00"))
                    .statusCode(200)
                    .body("rule", equalTo("R7")));

    assertThat(TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
        .isEqualTo(3);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM processed_message WHERE message_id = ?1",
                admission.eventId().toString()))
        .isEqualTo(1);
    // GP (R5), department (R6): one change per holder change, none for the duplicate (leave keeps
    // the holder, R7).
    assertThat(TestDb.outboxTypes(key))
        .containsExactly(
            "dk.stafet.responsibility.responsibility-changed",
            "dk.stafet.responsibility.responsibility-changed");
    get(CARDIOLOGY, "/api/patients/" + key + "/ledger")
        .statusCode(200)
        .body("entries.findAll { it.current }", hasSize(3))
        .body("entries.findAll { it.current }.rule", equalTo(List.of("R5", "R6", "R7")))
        .body(
            "entries.findAll { it.current }.causedByEventType",
            equalTo(List.of("LISTED_GP_REGISTERED", "ADMISSION_STARTED", "LEAVE_STARTED")));
  }
}
