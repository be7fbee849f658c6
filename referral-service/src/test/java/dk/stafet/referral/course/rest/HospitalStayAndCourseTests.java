package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.MUNICIPALITY;
import static dk.stafet.referral.course.rest.TestData.get;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.referral.course.EncounterClass;
import dk.stafet.referral.course.service.HospitalStayService;
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
import org.junit.jupiter.api.Test;

/**
 * Hospital stays (REST and the MedCom-facing service) and courses, over the real database and
 * broker.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class HospitalStayAndCourseTests {

  @Inject HospitalStayService stays;

  @Test
  void stayWithLeaveDischargeAndCancelledDischarge() {
    String cpr = newCpr();
    Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String id =
        post(
                DEPARTMENT,
                "/api/hospital-stays",
                Map.of(
                    "cpr",
                    cpr,
                    "episodeOfCareId",
                    "ep-" + java.util.UUID.randomUUID(),
                    "serviceProviderSor",
                    DEPARTMENT,
                    "encounterClass",
                    "IMP",
                    "occurredAt",
                    t0.toString()))
            .statusCode(201)
            .body("state", equalTo("IN_PROGRESS"))
            .extract()
            .path("id");
    post(
            DEPARTMENT,
            "/api/hospital-stays/" + id + "/leave",
            Map.of("occurredAt", t0.plusSeconds(3600).toString()))
        .statusCode(200)
        .body("state", equalTo("ON_LEAVE"));
    post(DEPARTMENT, "/api/hospital-stays/" + id + "/discharge", Map.of())
        .statusCode(200)
        .body("state", equalTo("DISCHARGED"));
    post(DEPARTMENT, "/api/hospital-stays/" + id + "/leave", Map.of())
        .statusCode(409)
        .body("transition", equalTo("START_LEAVE"));
    post(DEPARTMENT, "/api/hospital-stays/" + id + "/cancel", Map.of("target", "DISCHARGE"))
        .statusCode(200)
        .body("state", equalTo("IN_PROGRESS"));
    post(GP, "/api/hospital-stays/" + id + "/discharge", Map.of()).statusCode(404);

    List<CourseEvent> events = eventsOf(id, 4);
    assertThat(events)
        .extracting(e -> e.type().name())
        .containsExactly("ADMISSION_STARTED", "LEAVE_STARTED", "DISCHARGED", "ADMISSION_STARTED");
    assertThat(events.get(0).details())
        .containsEntry("encounterClass", "IMP")
        .containsEntry("hnCode", "STIN");
    assertThat(events.get(3).details())
        .containsEntry("correction", "true")
        .containsEntry("cancels", "DISCHARGE")
        .containsEntry("cancelsEventId", events.get(2).eventId().toString())
        .containsEntry("hnCode", "AN_SLHJ");
    get(DEPARTMENT, "/api/hospital-stays/" + id).statusCode(200).body("history", hasSize(4));
  }

  @Test
  void startNotificationAfterDischargeStaysDischargedAsHistory() {
    String cpr = newCpr();
    String episode = java.util.UUID.randomUUID().toString();
    Instant admitted = Instant.now().minus(1, ChronoUnit.DAYS);
    var stay = stays.admit(cpr, episode, DEPARTMENT, EncounterClass.IMP, admitted, "mh-1");
    stays.discharge(episode, DEPARTMENT, admitted.plusSeconds(7200), "mh-2");
    var after =
        stays.admit(
            cpr, episode, DEPARTMENT, EncounterClass.IMP, admitted.plusSeconds(600), "mh-3");

    assertThat(after.id()).isEqualTo(stay.id());
    assertThat(after.state().name()).isEqualTo("DISCHARGED");
    get(DEPARTMENT, "/api/hospital-stays/" + stay.id())
        .statusCode(200)
        .body("history.transition", org.hamcrest.Matchers.contains("ADMIT", "DISCHARGE", "ADMIT"))
        .body("history.effective", org.hamcrest.Matchers.contains(true, true, false))
        .body("history.sourceMessageId", org.hamcrest.Matchers.contains("mh-1", "mh-2", "mh-3"));
  }

  @Test
  void acuteFunctionCourseStartsAndEndsWithItsExit() {
    String cpr = newCpr();
    String id =
        post(
                MUNICIPALITY,
                "/api/courses",
                Map.of(
                    "kind",
                    "ACUTE_FUNCTION",
                    "cpr",
                    cpr,
                    "ownerSor",
                    MUNICIPALITY,
                    "referrerKind",
                    "GP",
                    "referrerSor",
                    GP,
                    "form",
                    "TEAM"))
            .statusCode(201)
            .extract()
            .path("id");
    post(MUNICIPALITY, "/api/courses/" + id + "/end", Map.of()).statusCode(422);
    post(MUNICIPALITY, "/api/courses/" + id + "/end", Map.of("exit", "GP_FOLLOW_UP"))
        .statusCode(200)
        .body("state", equalTo("ENDED"));
    post(MUNICIPALITY, "/api/courses/" + id + "/end", Map.of("exit", "HOME")).statusCode(409);

    List<CourseEvent> events = eventsOf(id, 2);
    assertThat(events)
        .extracting(e -> e.type().name())
        .containsExactly("ACUTE_COURSE_STARTED", "ACUTE_COURSE_ENDED");
    assertThat(events.get(1).details())
        .containsEntry("referrerKind", "GP")
        .containsEntry("form", "TEAM")
        .containsEntry("exit", "GP_FOLLOW_UP");
    assertThat(events.get(1).counterpartSor()).isEqualTo(GP);
  }

  @Test
  void declinedAcuteReferralIsRecordedAndPublished() {
    String id =
        post(
                MUNICIPALITY,
                "/api/acute-referrals/declined",
                Map.of(
                    "cpr",
                    newCpr(),
                    "acuteFunctionSor",
                    MUNICIPALITY,
                    "referrerKind",
                    "GP",
                    "referrerSor",
                    GP))
            .statusCode(201)
            .body("state", equalTo("DECLINED"))
            .extract()
            .path("id");
    assertThat(eventsOf(id, 1))
        .extracting(e -> e.type().name())
        .containsExactly("ACUTE_REFERRAL_DECLINED");
  }

  @Test
  void deathEndsLiveStaysAndIsPublishedOncePerPatient() {
    String cpr = newCpr();
    String episode = java.util.UUID.randomUUID().toString();
    var stay =
        stays.admit(
            cpr,
            episode,
            DEPARTMENT,
            EncounterClass.EMER,
            Instant.now().minusSeconds(3600),
            "mh-a");
    post(GP, "/api/deaths", Map.of("cpr", cpr))
        .statusCode(404); // the GP is not (yet) involved with this patient
    post(
            DEPARTMENT,
            "/api/deaths",
            Map.of("cpr", cpr, "occurredAt", Instant.now().minusSeconds(60).toString()))
        .statusCode(204);
    var again =
        stays.recordDeath(episode, DEPARTMENT, Instant.now(), "mh-b"); // MORS after the REST report

    assertThat(again.state().name()).isEqualTo("DECEASED");
    get(DEPARTMENT, "/api/hospital-stays/" + stay.id())
        .statusCode(200)
        .body("state", equalTo("DECEASED"))
        .body("history.transition", org.hamcrest.Matchers.contains("ADMIT", "DIE", "DIE"))
        .body("history.effective", org.hamcrest.Matchers.contains(true, true, false));
    post(DEPARTMENT, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("deceasedAt", org.hamcrest.Matchers.notNullValue());
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      String key =
          kafka
              .awaitRecord(
                  Topics.COURSE_EVENTS,
                  r ->
                      stay.id()
                          .toString()
                          .equals(KafkaTestClient.header(r, "ce_subject").orElse(null)),
                  Duration.ofSeconds(30))
              .key();
      // The patient fact (no subject) is the one DECEASED event; the MORS that followed published
      // nothing.
      kafka.awaitRecord(
          Topics.COURSE_EVENTS,
          r -> key.equals(r.key()) && r.value().contains("\"DECEASED\""),
          Duration.ofSeconds(30));
      assertThat(
              kafka.readAll(Topics.COURSE_EVENTS, Duration.ofSeconds(10)).stream()
                  .filter(r -> key.equals(r.key()) && r.value().contains("\"DECEASED\""))
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void cancelledAdmissionIsHistoryAndANewAdmissionOfTheEpisodeIsANewStay() {
    String cpr = newCpr();
    String episode = java.util.UUID.randomUUID().toString();
    var first =
        stays.admit(
            cpr, episode, DEPARTMENT, EncounterClass.IMP, Instant.now().minusSeconds(600), "mh-1");
    var cancelled = stays.cancelAdmission(episode, DEPARTMENT, Instant.now(), "mh-2");
    var second = stays.admit(cpr, episode, DEPARTMENT, EncounterClass.IMP, Instant.now(), "mh-3");

    assertThat(cancelled.state().name()).isEqualTo("CANCELLED");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.state().name()).isEqualTo("IN_PROGRESS");
    List<CourseEvent> events = eventsOf(first.id().toString(), 2);
    assertThat(events.get(1).type().name()).isEqualTo("ADMISSION_CANCELLED");
    assertThat(events.get(1).sourceMessageId()).isEqualTo("mh-2");
    assertThat(events.get(1).details())
        .containsEntry("hnCode", "AN_STIN")
        .containsEntry("cancelsEventId", events.get(0).eventId().toString());
  }

  @Test
  void ivTreatmentIsHospitalOwnedAndNamesWhoGivesIt() {
    String id =
        post(
                DEPARTMENT,
                "/api/courses",
                Map.of(
                    "kind",
                    "IV_TREATMENT",
                    "cpr",
                    newCpr(),
                    "ownerSor",
                    DEPARTMENT,
                    "administeredBySor",
                    MUNICIPALITY))
            .statusCode(201)
            .extract()
            .path("id");
    post(
            MUNICIPALITY,
            "/api/courses",
            Map.of("kind", "IV_TREATMENT", "cpr", newCpr(), "ownerSor", MUNICIPALITY))
        .statusCode(422);
    post(MUNICIPALITY, "/api/courses/" + id + "/end", Map.of()).statusCode(403);
    post(DEPARTMENT, "/api/courses/" + id + "/end", Map.of()).statusCode(200);
    List<CourseEvent> events = eventsOf(id, 2);
    assertThat(events)
        .extracting(e -> e.type().name())
        .containsExactly("IV_TREATMENT_STARTED", "IV_TREATMENT_ENDED");
    assertThat(events.get(0).counterpartSor()).isEqualTo(MUNICIPALITY);
  }

  private static List<CourseEvent> eventsOf(String courseId, int count) {
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      return kafka
          .poll(
              Topics.COURSE_EVENTS,
              r -> courseId.equals(KafkaTestClient.header(r, "ce_subject").orElse(null)),
              count,
              Duration.ofSeconds(30))
          .stream()
          .map(r -> EventJson.read(r.value(), CourseEvent.class))
          .toList();
    }
  }
}
