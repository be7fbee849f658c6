package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static dk.stafet.referral.course.rest.TestData.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referral REST calls publish their CourseEvents on the real broker, keyed by pseudonym, as
 * CloudEvents.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ReferralEventsTests {

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
  void referralCoursePublishesFourEventsInOrderKeyedByPseudonym() {
    String cpr = newCpr();
    Instant received = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new java.util.HashMap<>(referral(cpr));
    body.put("occurredAt", received.toString());
    String id =
        post(DEPARTMENT, "/api/referrals", body)
            .statusCode(201)
            .header("Location", containsString("/api/referrals/"))
            .body("state", equalTo("RECEIVED"))
            .body("patientKey", equalTo(pseudonym.of(cpr)))
            .extract()
            .path("id");
    post(DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200)
        .body("state", equalTo("ACCEPTED"));
    post(DEPARTMENT, "/api/referrals/" + id + "/start", Map.of())
        .statusCode(200)
        .body("state", equalTo("STARTED"));
    post(DEPARTMENT, "/api/referrals/" + id + "/end", Map.of())
        .statusCode(200)
        .body("state", equalTo("ENDED"));

    List<ConsumerRecord<String, String>> records =
        kafka.poll(
            Topics.COURSE_EVENTS,
            r -> id.equals(KafkaTestClient.header(r, "ce_subject").orElse(null)),
            4,
            Duration.ofSeconds(30));

    assertThat(records)
        .extracting(r -> KafkaTestClient.header(r, "ce_type").orElseThrow())
        .containsExactly(
            "dk.stafet.course.referral-received", "dk.stafet.course.referral-accepted",
            "dk.stafet.course.referral-started", "dk.stafet.course.referral-ended");
    String key = pseudonym.of(cpr);
    for (ConsumerRecord<String, String> record : records) {
      CourseEvent event = EventJson.read(record.value(), CourseEvent.class);
      assertThat(record.key()).isEqualTo(key).doesNotContain(cpr);
      assertThat(KafkaTestClient.header(record, "ce_id")).contains(event.eventId().toString());
      assertThat(KafkaTestClient.header(record, "ce_specversion")).contains("1.0");
      assertThat(KafkaTestClient.header(record, "ce_source")).contains("/stafet/referral-service");
      assertThat(KafkaTestClient.header(record, "content-type")).contains("application/json");
      record.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain(cpr));
      assertThat(event.patientKey()).isEqualTo(key);
      assertThat(event.cpr()).isEqualTo(cpr);
      assertThat(event.courseId()).isEqualTo(id);
      assertThat(event.organisationSor()).isEqualTo(DEPARTMENT);
      assertThat(event.counterpartSor()).isEqualTo(GP);
      assertThat(event.details())
          .containsEntry("cancer", "true")
          .containsEntry("waitingTimeRule", "W1");
    }
    List<CourseEvent> events =
        records.stream().map(r -> EventJson.read(r.value(), CourseEvent.class)).toList();
    assertThat(events)
        .extracting(CourseEvent::type)
        .containsExactly(
            CourseEventType.REFERRAL_RECEIVED,
            CourseEventType.REFERRAL_ACCEPTED,
            CourseEventType.REFERRAL_STARTED,
            CourseEventType.REFERRAL_ENDED);
    assertThat(events.get(0).occurredAt()).isEqualTo(received);
  }

  @Test
  void invalidTransitionIs409NamingItAndPublishesNothing() {
    String id =
        post(DEPARTMENT, "/api/referrals", referral(newCpr())).statusCode(201).extract().path("id");

    post(DEPARTMENT, "/api/referrals/" + id + "/start", Map.of())
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://stafet.dk/problems/invalid-transition"))
        .body("title", equalTo("Invalid transition"))
        .body("status", equalTo(409))
        .body("code", equalTo("INVALID_TRANSITION"))
        .body("aggregate", equalTo("referral"))
        .body("transition", equalTo("START"))
        .body("fromState", equalTo("RECEIVED"));
    post(DEPARTMENT, "/api/referrals/" + id + "/end", Map.of())
        .statusCode(409)
        .body("transition", equalTo("END"));

    // A later valid change: the relay sends in commit order, so once it is on the topic, a refused
    // one would be too.
    post(
            DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of("decision", "REJECTED", "reason", "not indicated"))
        .statusCode(200);
    kafka.awaitRecord(
        Topics.COURSE_EVENTS,
        r ->
            id.equals(KafkaTestClient.header(r, "ce_subject").orElse(null))
                && r.value().contains("REFERRAL_REJECTED"),
        Duration.ofSeconds(30));
    List<String> types =
        kafka.readAll(Topics.COURSE_EVENTS, Duration.ofSeconds(10)).stream()
            .filter(r -> id.equals(KafkaTestClient.header(r, "ce_subject").orElse(null)))
            .map(r -> KafkaTestClient.header(r, "ce_type").orElseThrow())
            .toList();
    assertThat(types)
        .containsExactly(
            "dk.stafet.course.referral-received", "dk.stafet.course.referral-rejected");
  }

  @Test
  void rejectionWithoutReasonIs422() {
    String id =
        post(DEPARTMENT, "/api/referrals", referral(newCpr())).statusCode(201).extract().path("id");
    post(DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "REJECTED"))
        .statusCode(422);
  }

  @Test
  void unknownOrganisationIs422() {
    Map<String, Object> body = new java.util.HashMap<>(referral(newCpr()));
    body.put("referrerSor", TestData.UNKNOWN_SOR);
    post(DEPARTMENT, "/api/referrals", body)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("referrerSor"));
  }

  @Test
  void malformedCprIs422NamingTheProblemButNotTheNumber() {
    Map<String, Object> body = new java.util.HashMap<>(referral("12345"));
    post(DEPARTMENT, "/api/referrals", body)
        .statusCode(422)
        .body("type", equalTo("https://stafet.dk/problems/invalid-cpr"))
        .body("code", equalTo("INVALID_CPR"))
        .body("transition", org.hamcrest.Matchers.nullValue())
        .body("detail", org.hamcrest.Matchers.not(containsString("12345")));
  }

  @Test
  void receivingForAnotherOrganisationIs403() {
    post(GP, "/api/referrals", referral(newCpr())).statusCode(403);
  }
}
