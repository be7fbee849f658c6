package dk.stafet.responsibility.attention;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.cancerReferral;
import static dk.stafet.responsibility.support.TestFacts.discharged;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/patients/attention over real Kafka and PostgreSQL: course facts arrive on
 * stafet.course-events, the ledger is built by the consumer, and the coordinator's list reads the
 * stored current view.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class AttentionTests {

  private static final String ATTENTION = "/api/patients/attention?limit=1000";
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
  @SuppressWarnings("unchecked")
  void listsPatientsWithoutNamedDoctorWithAlarmsOrUnansweredHandoversNewestFirst() {
    Instant base = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    // Cancer patient admitted to cardiology, nobody named (R6, R27 missing).
    String unnamedCpr = newCpr();
    String unnamed = pseudonym.of(unnamedCpr);
    send(kafka, listedGp(unnamed, unnamedCpr, base, GP_AABYHOEJ));
    send(
        kafka,
        cancerReferral(
            unnamed,
            unnamedCpr,
            base.plusSeconds(3600),
            "ref-" + unnamed,
            CARDIOLOGY,
            GP_AABYHOEJ));
    send(
        kafka,
        admitted(unnamed, unnamedCpr, base.plusSeconds(7200), "stay-" + unnamed, CARDIOLOGY));

    // Admitted and discharged without a listed GP: R9 has no receiver, cardiology keeps PRD with
    // the alarm (R26).
    String noReceiverCpr = newCpr();
    String noReceiver = pseudonym.of(noReceiverCpr);
    send(
        kafka,
        admitted(
            noReceiver, noReceiverCpr, base.plusSeconds(600), "stay-" + noReceiver, CARDIOLOGY));
    send(
        kafka,
        discharged(
            noReceiver, noReceiverCpr, base.plusSeconds(10800), "stay-" + noReceiver, CARDIOLOGY));

    // Admitted and a doctor named: nothing to attend to.
    String namedCpr = newCpr();
    String named = pseudonym.of(namedCpr);
    send(kafka, listedGp(named, namedCpr, base, GP_AABYHOEJ));
    send(kafka, admitted(named, namedCpr, base.plusSeconds(1200), "stay-" + named, CARDIOLOGY));

    // Admitted, doctor named, then a handover to medicine nobody answers (R24).
    String handoverCpr = newCpr();
    String unanswered = pseudonym.of(handoverCpr);
    send(kafka, listedGp(unanswered, handoverCpr, base, GP_AABYHOEJ));
    send(
        kafka,
        admitted(
            unanswered, handoverCpr, base.plusSeconds(1800), "stay-" + unanswered, CARDIOLOGY));

    awaitHolder(unnamed, CARDIOLOGY);
    awaitHolder(named, CARDIOLOGY);
    awaitHolder(unanswered, CARDIOLOGY);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(CARDIOLOGY, "/api/patients/" + noReceiver + "/responsibility")
                    .statusCode(200)
                    .body("alarm", equalTo("no-receiver")));
    nameDoctor(named);
    nameDoctor(unanswered);
    Instant respondBy = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    post(
            CARDIOLOGY,
            "/api/handovers",
            Map.of(
                "patientKey",
                unanswered,
                "toSor",
                MEDICAL_GODSTRUP,
                "reason",
                "continued care in medicine",
                "patientInformed",
                true,
                "relativesInformed",
                false,
                "respondBy",
                respondBy.toString()))
        .statusCode(201);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(COORDINATOR, "/api/handovers?state=UNANSWERED")
                    .statusCode(200)
                    .body("patientKey.contains('" + unanswered + "')", equalTo(true)));

    JsonPath list = get(COORDINATOR, ATTENTION).statusCode(200).extract().jsonPath();

    Map<String, Object> a = row(list, unnamed).orElseThrow();
    assertThat(a)
        .containsEntry("holderSor", CARDIOLOGY)
        .containsEntry("holderKind", "HOSPITAL_DEPARTMENT")
        .containsEntry("rule", "R6")
        .containsEntry("cancer", true)
        .containsEntry("reasons", List.of("no-named-doctor"))
        .containsEntry("since", base.plusSeconds(7200).toString())
        .doesNotContainKey("alarm");
    assertThat((String) a.get("holderName")).isNotBlank();
    assertThat(a.get("courseKind")).isNotNull();

    Map<String, Object> b = row(list, noReceiver).orElseThrow();
    assertThat(b)
        .containsEntry("alarm", "no-receiver")
        .containsEntry("holderSor", CARDIOLOGY)
        .containsEntry("cancer", false)
        .containsEntry("since", base.plusSeconds(10800).toString());
    assertThat((List<Object>) b.get("reasons")).contains("no-receiver");

    Map<String, Object> c = row(list, unanswered).orElseThrow();
    assertThat(c)
        .containsEntry("alarm", "handover-unanswered")
        .containsEntry("reasons", List.of("handover-unanswered"))
        .containsEntry("holderSor", CARDIOLOGY)
        .containsEntry("since", respondBy.toString());

    assertThat(row(list, named)).isEmpty();

    // Newest first, over the whole list.
    List<Instant> since = list.<String>getList("since").stream().map(Instant::parse).toList();
    assertThat(since).isSortedAccordingTo(Comparator.reverseOrder());

    // Bounded: the limit is honoured; the default is 100.
    get(COORDINATOR, "/api/patients/attention?limit=2")
        .statusCode(200)
        .body("size()", equalTo(Math.min(2, since.size())));
    assertThat(
            get(COORDINATOR, "/api/patients/attention")
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size())
        .isEqualTo(Math.min(100, since.size()));

    // Each listed patient is audited as a coordinator read.
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'GRANTED' "
                    + "AND action = 'READ_AS_COORDINATOR:attention'",
                unnamed,
                COORDINATOR))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND action = 'READ_AS_COORDINATOR:attention'",
                named))
        .isZero();
  }

  @Test
  void onlyCoordinatorsMayList() {
    // The same 401 body in all three services (docs/errors.md): RFC 9457 plus the stable code.
    given()
        .when()
        .get("/api/patients/attention")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("keySet()", containsInAnyOrder("type", "title", "status", "detail", "code"))
        .body("type", equalTo("https://stafet.dk/problems/not-authenticated"))
        .body("title", equalTo("No calling organisation"))
        .body("status", equalTo(401))
        .body("code", equalTo("NOT_AUTHENTICATED"))
        .body("detail", containsString("bearer token"));
    get(CARDIOLOGY, "/api/patients/attention")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("COORDINATORS_ONLY"))
        .body("type", equalTo("https://stafet.dk/problems/coordinators-only"))
        .body("title", equalTo("Coordinators only"))
        .body("status", equalTo(403));
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE caller_sor = ?1 AND outcome = 'DENIED' "
                    + "AND action = 'READ_AS_COORDINATOR:attention' AND patient_key IS NULL",
                CARDIOLOGY))
        .isGreaterThanOrEqualTo(1);
    get(COORDINATOR, "/api/patients/attention?limit=0")
        .statusCode(422)
        .body("code", equalTo("INVALID_LIMIT"));
    get(COORDINATOR, "/api/patients/attention?limit=1001")
        .statusCode(422)
        .body("code", equalTo("INVALID_LIMIT"));
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> row(JsonPath list, String patientKey) {
    return list.<Map<String, Object>>getList("$").stream()
        .filter(m -> patientKey.equals(m.get("patientKey")))
        .findFirst();
  }

  private static void awaitHolder(String key, String sor) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                get(sor, "/api/patients/" + key + "/responsibility")
                    .statusCode(200)
                    .body("holderSor", equalTo(sor)));
  }

  private static void nameDoctor(String key) {
    post(
            CARDIOLOGY,
            "/api/patients/" + key + "/named-doctor",
            Map.of("doctorId", "AUT-" + key.substring(2, 8)))
        .statusCode(200);
  }
}
