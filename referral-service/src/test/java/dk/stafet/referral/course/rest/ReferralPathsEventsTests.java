package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.MUNICIPALITY;
import static dk.stafet.referral.course.rest.TestData.NATIONAL_REGISTER;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.OTHER_GP;
import static dk.stafet.referral.course.rest.TestData.SPECIALIST;
import static dk.stafet.referral.course.rest.TestData.get;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dk.stafet.contracts.events.CourseEvent;
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
 * The referral paths of issue 13 at the front door: a forwarded referral is continued by the
 * organisation it was forwarded to (the same referral, so the ledger can make that organisation
 * responsible at its first contact), and a patient without a listed GP can be registered. The
 * events are read back from the real broker.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ReferralPathsEventsTests {

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
  void forwardedReferralIsVisitedStartedAndEndedByTheOrganisationItWasForwardedTo() {
    String cpr = newCpr();
    Instant received = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String id =
        post(
                DEPARTMENT,
                "/api/referrals",
                Map.of(
                    "cpr",
                    cpr,
                    "referrerSor",
                    GP,
                    "receiverSor",
                    DEPARTMENT,
                    "cancer",
                    false,
                    "occurredAt",
                    received.toString()))
            .statusCode(201)
            .extract()
            .path("id");
    post(
            DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of(
                "decision",
                "FORWARDED",
                "forwardedToSor",
                OTHER_DEPARTMENT,
                "reason",
                "kortere ventetid",
                "occurredAt",
                received.plusSeconds(3600).toString()))
        .statusCode(200)
        .body("state", equalTo("FORWARDED"))
        .body("forwardedToSor", equalTo(OTHER_DEPARTMENT));

    // The forwarding department has handed it on: it may still read it, but no longer act on it.
    post(DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(403);
    get(DEPARTMENT, "/api/referrals/" + id).statusCode(200);
    // Not before it was forwarded to it.
    post(
            OTHER_DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of("decision", "ACCEPTED", "occurredAt", received.plusSeconds(60).toString()))
        .statusCode(422);
    // A forwarded referral is not forwarded a second time: the new receiver accepts or rejects it.
    post(
            OTHER_DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of("decision", "FORWARDED", "forwardedToSor", SPECIALIST))
        .statusCode(409);

    post(OTHER_DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200)
        .body("state", equalTo("ACCEPTED"));
    post(OTHER_DEPARTMENT, "/api/referrals/" + id + "/start", Map.of())
        .statusCode(200)
        .body("state", equalTo("STARTED"));
    post(OTHER_DEPARTMENT, "/api/referrals/" + id + "/end", Map.of())
        .statusCode(200)
        .body("state", equalTo("ENDED"));

    List<CourseEvent> events =
        kafka
            .poll(
                Topics.COURSE_EVENTS,
                r -> id.equals(KafkaTestClient.header(r, "ce_subject").orElse(null)),
                5,
                Duration.ofSeconds(30))
            .stream()
            .map(r -> EventJson.read(r.value(), CourseEvent.class))
            .toList();
    assertThat(events)
        .extracting(e -> e.type().name())
        .containsExactly(
            "REFERRAL_RECEIVED",
            "REFERRAL_FORWARDED",
            "REFERRAL_ACCEPTED",
            "REFERRAL_STARTED",
            "REFERRAL_ENDED");
    // The organisation each fact is about: the forwarding department forwards, the new receiver
    // does the rest.
    assertThat(events)
        .extracting(CourseEvent::organisationSor)
        .containsExactly(
            DEPARTMENT, DEPARTMENT, OTHER_DEPARTMENT, OTHER_DEPARTMENT, OTHER_DEPARTMENT);
    assertThat(events).extracting(CourseEvent::counterpartSor).containsOnly(GP);
    assertThat(events.get(1).detail("forwardedTo")).isEqualTo(OTHER_DEPARTMENT);
    assertThat(events.get(2).detail("forwardedFrom")).isEqualTo(DEPARTMENT);
    assertThat(events.get(2).detail("forwardedTo")).isNull();
  }

  @Test
  void patientWithoutListedGpIsRegisteredByTheNationalRegisterFeedOnly() {
    // A newcomer: nobody has listed them yet.
    String newcomer = newCpr();
    String newcomerKey = pseudonym.of(newcomer);
    // It makes the municipality involved with the patient, so, like the listed GP, only the
    // register may say it.
    post(
            OTHER_GP,
            "/api/patients/no-listed-gp",
            Map.of("cpr", newcomer, "municipalitySor", MUNICIPALITY))
        .statusCode(403);
    post(
            MUNICIPALITY,
            "/api/patients/no-listed-gp",
            Map.of("cpr", newcomer, "municipalitySor", MUNICIPALITY))
        .statusCode(403);
    post(
            NATIONAL_REGISTER,
            "/api/patients/no-listed-gp",
            Map.of("cpr", newcomer, "municipalitySor", MUNICIPALITY))
        .statusCode(200)
        .body("patientKey", equalTo(newcomerKey))
        .body("listedGpSor", nullValue())
        .body("municipalitySor", equalTo(MUNICIPALITY));
    // Saying it again changes nothing: history only, no second event.
    post(
            NATIONAL_REGISTER,
            "/api/patients/no-listed-gp",
            Map.of("cpr", newcomer, "municipalitySor", MUNICIPALITY))
        .statusCode(200);
    post(NATIONAL_REGISTER, "/api/patients/listed-gp", Map.of("cpr", newcomer, "gpSor", GP))
        .statusCode(200);

    // Between practices: the register reports that the patient left the practice.
    String leaving = newCpr();
    String leavingKey = pseudonym.of(leaving);
    post(
            NATIONAL_REGISTER,
            "/api/patients/listed-gp",
            Map.of("cpr", leaving, "gpSor", GP, "municipalitySor", MUNICIPALITY))
        .statusCode(200);
    post(
            NATIONAL_REGISTER,
            "/api/patients/no-listed-gp",
            Map.of("cpr", leaving, "municipalitySor", MUNICIPALITY))
        .statusCode(200);

    List<CourseEvent> newcomerEvents = gpEvents(newcomerKey, 2);
    assertThat(newcomerEvents.get(0).organisationSor()).isNull();
    assertThat(newcomerEvents.get(0).details())
        .containsEntry("listedGp", "NONE")
        .containsEntry("municipalitySor", MUNICIPALITY);
    assertThat(newcomerEvents.get(1).organisationSor())
        .isEqualTo(GP); // the listing after it: exactly two events
    List<CourseEvent> leavingEvents = gpEvents(leavingKey, 2);
    assertThat(leavingEvents.get(1).organisationSor()).isNull();
    assertThat(leavingEvents.get(1).counterpartSor()).isEqualTo(GP);
    assertThat(leavingEvents.get(1).details())
        .containsEntry("previousGpSor", GP)
        .containsEntry("listedGp", "NONE");
  }

  private static List<CourseEvent> gpEvents(String patientKey, int count) {
    List<ConsumerRecord<String, String>> records =
        kafka.poll(
            Topics.COURSE_EVENTS,
            r ->
                patientKey.equals(r.key())
                    && "dk.stafet.course.listed-gp-registered"
                        .equals(KafkaTestClient.header(r, "ce_type").orElse(null)),
            count,
            Duration.ofSeconds(30));
    return records.stream().map(r -> EventJson.read(r.value(), CourseEvent.class)).toList();
  }
}
