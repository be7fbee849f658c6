package dk.stafet.responsibility.careplan;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_RANDERS;
import static dk.stafet.responsibility.support.TestFacts.MUNICIPALITY;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.getAs;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.postAs;
import static dk.stafet.responsibility.support.TestFacts.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.fhir.BaseR4;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared course and action plan (brief C10) end to end in responsibility-service, with the real
 * Kafka broker and PostgreSQL test-support starts: create → parallel activities → the citizen
 * chooses the case manager through the portal → closing talk → complete, each change a canonical
 * event on stafet.responsibility-events, and the FHIR CarePlan read.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CarePlanTests {

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
  void aChildsPlanRunsFromCreationToCompletionAndEveryChangeIsAnEvent() {
    LocalDate born = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusYears(18).plusDays(30);
    String cpr = childCpr(born);
    String key = patientAdmittedToCardiology(cpr);

    // Cardiology (involved: it holds responsibility) makes the plan with two parallel efforts.
    ValidatableResponse created =
        post(
                CARDIOLOGY,
                "/api/care-plans",
                Map.of(
                    "patientKey",
                    key,
                    "kind",
                    "CHILD",
                    "title",
                    "Udredning og støtte",
                    "activities",
                    List.of(
                        activity(CARDIOLOGY, "ACTIVE", "Udredning af hjertet"),
                        activity(MUNICIPALITY, "PLANNED", "Støtte i hjemmet"))))
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("author.sor", equalTo(CARDIOLOGY))
            .body("activities", hasSize(2))
            .body("transitionAt", equalTo(born.plusYears(18).toString()))
            .body("transitionNeedsAttention", equalTo(true));
    String id = created.extract().path("id");
    String cardiologyActivity = created.extract().path("activities[0].id");
    String municipalityActivity = created.extract().path("activities[1].id");

    // 30 days before the 18th birthday: the coordinators' attention list says so.
    assertThat(attentionReasons(key)).contains("transition-at-18");
    get(COORDINATOR, "/api/patients/attention?limit=1000")
        .body(
            "find { it.patientKey == '" + key + "' }.transitionAt",
            equalTo(born.plusYears(18).toString()));

    // An activity's owner is in the plan, and so involved with the patient; an outsider is not.
    get(MUNICIPALITY, "/api/care-plans?patientKey=" + key)
        .statusCode(200)
        .body("[0].id", equalTo(id));
    get(MEDICAL_RANDERS, "/api/care-plans?patientKey=" + key).statusCode(404);
    get(MEDICAL_RANDERS, "/api/care-plans/" + id).statusCode(404);

    // The municipality adds the GP's part; still a draft: no case manager yet.
    post(
            MUNICIPALITY,
            "/api/care-plans/" + id + "/activities",
            activity(GP_AABYHOEJ, "PLANNED", "Opfølgning hos egen læge"))
        .statusCode(201)
        .body("status", equalTo("DRAFT"))
        .body("caseManagerChoices.sor", equalTo(List.of(CARDIOLOGY, MUNICIPALITY, GP_AABYHOEJ)));
    String gpActivity = get(CARDIOLOGY, "/api/care-plans/" + id).extract().path("activities[2].id");

    // The citizen, through the portal, sees the plan and chooses the municipality: active.
    String citizen = TestTokens.portalForPatient(key);
    getAs(citizen, "/api/care-plans?patientKey=" + key).statusCode(200);
    postAs(
            citizen,
            "/api/care-plans/" + id + "/case-manager",
            Map.of("organisationSor", MUNICIPALITY, "person", "Anna Sagsbehandler"))
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("caseManager.organisation.sor", equalTo(MUNICIPALITY))
        .body("caseManager.chosenBy", equalTo("CITIZEN"));
    // ... but not an organisation outside the plan, and the portal of another citizen nothing.
    postAs(
            citizen,
            "/api/care-plans/" + id + "/case-manager",
            Map.of("organisationSor", MEDICAL_RANDERS))
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_CASE_MANAGER_NOT_IN_PLAN"));
    postAs(
            TestTokens.portalForPatient(pseudonym.of(childCpr(born))),
            "/api/care-plans/" + id + "/case-manager",
            Map.of("organisationSor", CARDIOLOGY))
        .statusCode(404);

    // Not complete before the closing talk, nor with efforts still running.
    post(CARDIOLOGY, "/api/care-plans/" + id + "/complete", Map.of())
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_CLOSING_TALK_MISSING"));
    update(CARDIOLOGY, id, cardiologyActivity, Map.of("status", "COMPLETED", "end", "2026-01-31"))
        .statusCode(200);
    update(MUNICIPALITY, id, municipalityActivity, Map.of("status", "ACTIVE")).statusCode(200);
    update(MUNICIPALITY, id, municipalityActivity, Map.of("status", "COMPLETED")).statusCode(200);
    update(MUNICIPALITY, id, municipalityActivity, Map.of("status", "ACTIVE"))
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_ACTIVITY_TRANSITION"));
    post(MUNICIPALITY, "/api/care-plans/" + id + "/closing-talk", Map.of()).statusCode(200);
    post(CARDIOLOGY, "/api/care-plans/" + id + "/complete", Map.of())
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_OPEN_ACTIVITIES"));
    update(GP_AABYHOEJ, id, gpActivity, Map.of("status", "CANCELLED")).statusCode(200);
    post(CARDIOLOGY, "/api/care-plans/" + id + "/complete", Map.of())
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("closingTalk.heldBy.sor", equalTo(MUNICIPALITY))
        .body("transitionNeedsAttention", equalTo(false));
    assertThat(attentionReasons(key))
        .as("completed: the transition is agreed")
        .doesNotContain("transition-at-18");
    post(
            MUNICIPALITY,
            "/api/care-plans/" + id + "/activities",
            activity(MUNICIPALITY, "PLANNED", "x"))
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_CLOSED"));

    // The FHIR read: a valid R4 CarePlan with the case manager as its care team.
    String bundle =
        given()
            .auth()
            .oauth2(TestTokens.forOrganisation(GP_AABYHOEJ))
            .queryParam("patient", key)
            .get("/fhir/CarePlan")
            .then()
            .statusCode(200)
            .body("total", equalTo(1))
            .body("entry[0].resource.status", equalTo("completed"))
            .body("entry[0].resource.careTeam[0].reference", equalTo("#case-manager"))
            .body("entry[0].resource.activity", hasSize(3))
            .body("entry[0].resource.activity[2].detail.status", equalTo("cancelled"))
            .extract()
            .asString();
    assertThat(BaseR4.errors(bundle)).isEmpty();
    String one =
        get(GP_AABYHOEJ, "/fhir/CarePlan/" + id)
            .statusCode(200)
            .body("author.identifier.value", equalTo(CARDIOLOGY))
            .extract()
            .asString();
    assertThat(BaseR4.errors(one)).isEmpty();
    get(MEDICAL_RANDERS, "/fhir/CarePlan/" + id).statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(MEDICAL_RANDERS))
        .queryParam("patient", key)
        .get("/fhir/CarePlan")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));

    // Every change went out through the outbox, keyed by the pseudonym, in order.
    List<ResponsibilityEvent> events =
        kafka
            .poll(
                Topics.RESPONSIBILITY_EVENTS,
                r -> key.equals(r.key()) && isCarePlanEvent(r),
                9,
                Duration.ofSeconds(30))
            .stream()
            .map(r -> EventJson.read(r.value(), ResponsibilityEvent.class))
            .toList();
    assertThat(events)
        .extracting(ResponsibilityEvent::type)
        .containsExactly(
            ResponsibilityEventType.CARE_PLAN_CREATED,
            ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
            ResponsibilityEventType.CARE_PLAN_CASE_MANAGER_CHOSEN,
            ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
            ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
            ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
            ResponsibilityEventType.CARE_PLAN_CLOSING_TALK_RECORDED,
            ResponsibilityEventType.CARE_PLAN_ACTIVITY_CHANGED,
            ResponsibilityEventType.CARE_PLAN_COMPLETED);
    assertThat(events).allSatisfy(e -> assertThat(e.courseId()).isEqualTo(id));
    assertThat(events.get(2).fromSor()).as("the citizen chose: no organisation acted").isNull();
    assertThat(events.get(2).details())
        .containsEntry("chosenBy", "CITIZEN")
        .containsEntry("planStatus", "ACTIVE")
        .containsEntry("activated", "true");
    assertThat(events.get(8).details().get("participants").split(","))
        .containsExactlyInAnyOrder(CARDIOLOGY, MUNICIPALITY, GP_AABYHOEJ);
    assertThat(events.get(8).toSor()).isEqualTo(MUNICIPALITY);
    assertThat(String.join(" ", events.stream().map(e -> e.details().toString()).toList()))
        .as("no clinical free text in events")
        .doesNotContain("Udredning")
        .doesNotContain("Støtte");
  }

  @Test
  void aChildsPlanIsRefusedForSomeoneAlready18AndAnAdultsPlanHasNoTransition() {
    LocalDate born = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusYears(18).minusDays(1);
    String key = patientAdmittedToCardiology(childCpr(born));
    post(CARDIOLOGY, "/api/care-plans", Map.of("patientKey", key, "kind", "CHILD"))
        .statusCode(409)
        .body("code", equalTo("CAREPLAN_CHILD_OF_AGE"));
    post(CARDIOLOGY, "/api/care-plans", Map.of("patientKey", key, "kind", "COMPLEX_ADULT"))
        .statusCode(201)
        .body("transitionAt", equalTo(null))
        .body("transitionNeedsAttention", equalTo(false));
    post(CARDIOLOGY, "/api/care-plans", Map.of("patientKey", key, "kind", "ELDERLY"))
        .statusCode(422)
        .body("code", equalTo("INVALID_KIND"));
    post(
            CARDIOLOGY,
            "/api/care-plans",
            Map.of(
                "patientKey",
                key,
                "kind",
                "COMPLEX_ADULT",
                "activities",
                List.of(activity("123", "PLANNED", "x"))))
        .statusCode(422)
        .body("code", equalTo("UNKNOWN_ORGANISATION"));
  }

  /**
   * R20: the patient's death (a DECEASED course fact through Kafka) ends the plan: revoked at the
   * death, its open efforts cancelled, and a CARE_PLAN_REVOKED event saying why, from no
   * organisation (Stafet tells them all).
   */
  @Test
  void thePatientsDeathRevokesTheOpenPlanAndCancelsItsOpenEfforts() {
    String cpr = dk.stafet.responsibility.support.TestFacts.newCpr();
    String key = patientAdmittedToCardiology(cpr);
    ValidatableResponse created =
        post(
                CARDIOLOGY,
                "/api/care-plans",
                Map.of(
                    "patientKey",
                    key,
                    "kind",
                    "COMPLEX_ADULT",
                    "activities",
                    List.of(
                        activity(CARDIOLOGY, "ACTIVE", "Behandling"),
                        activity(MUNICIPALITY, "PLANNED", "Hjemmepleje"))))
            .statusCode(201);
    String id = created.extract().path("id");

    java.time.Instant died =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    send(
        kafka,
        dk.stafet.responsibility.support.TestFacts.event(
            dk.stafet.contracts.events.CourseEventType.DECEASED,
            key,
            cpr,
            died,
            "stay-" + key,
            CARDIOLOGY,
            null,
            Map.of("hnCode", "MORS")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(CARDIOLOGY, "/api/care-plans/" + id)
                    .statusCode(200)
                    .body("status", equalTo("REVOKED"))
                    .body("endedAt", equalTo(died.toString()))
                    .body("activities.status", equalTo(List.of("CANCELLED", "CANCELLED"))));
    ConsumerRecord<String, String> revoked =
        kafka.awaitRecord(
            Topics.RESPONSIBILITY_EVENTS,
            r -> isCarePlanEvent(r) && r.value().contains(id) && r.value().contains("PATIENT_DIED"),
            Duration.ofSeconds(30));
    ResponsibilityEvent event = EventJson.read(revoked.value(), ResponsibilityEvent.class);
    assertThat(event.type()).isEqualTo(ResponsibilityEventType.CARE_PLAN_REVOKED);
    assertThat(event.fromSor()).isNull();
    assertThat(event.details()).containsEntry("reason", "PATIENT_DIED");
  }

  /** The reasons the coordinators' attention list gives for the patient (none if not listed). */
  private static List<String> attentionReasons(String key) {
    List<String> reasons =
        get(COORDINATOR, "/api/patients/attention?limit=1000")
            .statusCode(200)
            .extract()
            .path("find { it.patientKey == '" + key + "' }.reasons");
    return reasons == null ? List.of() : reasons;
  }

  private static boolean isCarePlanEvent(ConsumerRecord<String, String> r) {
    return KafkaTestClient.header(r, "ce_type")
        .filter(t -> t.startsWith("dk.stafet.responsibility.care-plan-"))
        .isPresent();
  }

  private static Map<String, String> activity(String owner, String status, String description) {
    return Map.of("ownerSor", owner, "status", status, "description", description);
  }

  private static ValidatableResponse update(
      String sor, String plan, String activity, Map<String, String> body) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(sor))
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/care-plans/{p}/activities/{a}", plan, activity)
        .then();
  }

  /** A CPR number of someone born on that day in 2000–2036 (7th digit 4, brief §1). */
  static String childCpr(LocalDate born) {
    return String.format(
        "%02d%02d%02d4%03d",
        born.getDayOfMonth(),
        born.getMonthValue(),
        born.getYear() % 100,
        ThreadLocalRandom.current().nextInt(0, 1000));
  }

  private String patientAdmittedToCardiology(String cpr) {
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ));
    send(kafka, admitted(key, cpr, dk("2025-05-05T10:00"), "stay-" + key, CARDIOLOGY));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(CARDIOLOGY, "/api/patients/" + key + "/responsibility")
                    .statusCode(200)
                    .body("holderSor", equalTo(CARDIOLOGY)));
    return key;
  }
}
