package dk.stafet.responsibility.handover;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.MUNICIPALITY;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.DatabaseOutage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structured relay handover over REST (R23, R24) on a patient whose admission came over Kafka. */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class HandoverTests {

  private static final String PREFIX = "dk.stafet.responsibility.";
  private static KafkaTestClient kafka;

  @Inject PatientPseudonym pseudonym;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void acceptedHandoverMovesResponsibilityAtTheAcceptanceInstant() {
    String key = admittedToCardiology();
    Instant acceptedAt = dk("2025-05-06T11:30");
    String id =
        propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, dk("2025-05-06T09:00"), inADay())
            .statusCode(201)
            .body("state", equalTo("PROPOSED"))
            .extract()
            .path("id");
    // R23: until acceptance the proposer keeps PRD.
    responsibility(CARDIOLOGY, key, dk("2025-05-06T11:00")).body("holderSor", equalTo(CARDIOLOGY));

    post(
            MEDICAL_GODSTRUP,
            "/api/handovers/" + id + "/accept",
            Map.of("occurredAt", acceptedAt.toString()))
        .statusCode(200)
        .body("state", equalTo("ACCEPTED"));

    responsibility(CARDIOLOGY, key, acceptedAt.minusSeconds(1))
        .body("holderSor", equalTo(CARDIOLOGY));
    responsibility(MEDICAL_GODSTRUP, key, acceptedAt)
        .body("holderSor", equalTo(MEDICAL_GODSTRUP))
        .body("rule", equalTo("R23"));
    post(MEDICAL_GODSTRUP, "/api/handovers/" + id + "/accept", Map.of())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_ALREADY_ACCEPTED"))
        .body("type", equalTo("https://stafet.dk/problems/handover-already-accepted"))
        .body("status", equalTo(409));
    assertThat(TestDb.outboxTypes(key))
        .containsSubsequence(PREFIX + "handover-proposed", PREFIX + "handover-accepted")
        .endsWith(PREFIX + "responsibility-changed");
  }

  @Test
  void refusalsAreConflictsWithStableCodes() {
    String key = admittedToCardiology();
    Instant at = dk("2025-05-06T09:00");
    // The listed GP may see the patient but does not hold PRD during the admission.
    propose(GP_AABYHOEJ, key, MEDICAL_GODSTRUP, at, inADay())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_NOT_CURRENT_HOLDER"));
    propose(CARDIOLOGY, key, CARDIOLOGY, at, inADay())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_TO_SELF"));
    propose(CARDIOLOGY, key, MUNICIPALITY, at, inADay())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_RECEIVER_CANNOT_HOLD_PRD"));

    String id =
        propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, at, inADay())
            .statusCode(201)
            .extract()
            .path("id");
    post(GP_AABYHOEJ, "/api/handovers/" + id + "/accept", Map.of())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_NOT_RECEIVER"));
    post(MUNICIPALITY, "/api/handovers/" + id + "/accept", Map.of())
        .statusCode(404); // not involved: not even visible
  }

  @Test
  void rejectedHandoverChangesNothingAndTellsTheProposer() {
    String key = admittedToCardiology();
    String id =
        propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, dk("2025-05-06T09:00"), inADay())
            .statusCode(201)
            .extract()
            .path("id");

    post(MEDICAL_GODSTRUP, "/api/handovers/" + id + "/reject", Map.of("reason", "no beds"))
        .statusCode(200)
        .body("state", equalTo("REJECTED"));

    responsibility(CARDIOLOGY, key, Instant.now())
        .body("holderSor", equalTo(CARDIOLOGY))
        .body("rule", equalTo("R6"));
    post(MEDICAL_GODSTRUP, "/api/handovers/" + id + "/accept", Map.of())
        .statusCode(409)
        .body("code", equalTo("HANDOVER_ALREADY_REJECTED"));
    assertThat(TestDb.outboxTypes(key))
        .endsWith(PREFIX + "handover-proposed", PREFIX + "handover-rejected");
  }

  @Test
  void unansweredProposalTimesOutRaisesTheAlarmAndNeverTransfers() {
    String key = admittedToCardiology();
    String id =
        propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, null, Instant.now().plusSeconds(1))
            .statusCode(201)
            .extract()
            .path("id");

    // The coordinator sees it among the unanswered (R24: alarm to proposer and coordinator).
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(COORDINATOR, "/api/handovers?state=UNANSWERED")
                    .statusCode(200)
                    .body("id", hasItem(id)));
    assertThat(TestDb.outboxTypes(key))
        .endsWith(PREFIX + "handover-proposed", PREFIX + "handover-timed-out");
    responsibility(CARDIOLOGY, key, Instant.now()).body("holderSor", equalTo(CARDIOLOGY));
    get(CARDIOLOGY, "/api/handovers?state=PROPOSED")
        .statusCode(200)
        .body("id.contains('" + id + "')", equalTo(false));
  }

  @Test
  void aProposalWhileTheDatabaseIsAwayIsARetryable503AndTheRetryIsStoredOnce() throws Exception {
    String key = admittedToCardiology();
    Instant at = dk("2025-05-06T09:00");
    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
      // A 500 in the chaos run; a sender must be told to retry, and that nothing was kept.
      propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, at, inADay())
          .statusCode(503)
          .header("Retry-After", "5")
          .body("code", equalTo("STORAGE_UNAVAILABLE"));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                propose(CARDIOLOGY, key, MEDICAL_GODSTRUP, at, inADay())
                    .statusCode(201)
                    .body("state", equalTo("PROPOSED")));
    assertThat(TestDb.outboxTypes(key).stream().filter((PREFIX + "handover-proposed")::equals))
        .hasSize(1);
  }

  /** A patient admitted to cardiology (R6) since 5 May 2025, with a listed GP. */
  private String admittedToCardiology() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ));
    send(kafka, admitted(key, cpr, dk("2025-05-05T10:00"), "stay-" + key, CARDIOLOGY));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                responsibility(CARDIOLOGY, key, dk("2025-05-06T08:00"))
                    .body("holderSor", equalTo(CARDIOLOGY)));
    return key;
  }

  private static io.restassured.response.ValidatableResponse propose(
      String caller, String key, String to, Instant at, Instant respondBy) {
    Map<String, Object> body = new HashMap<>();
    body.put("patientKey", key);
    body.put("toSor", to);
    body.put("reason", "continued cardiac rehabilitation");
    body.put("patientInformed", true);
    body.put("relativesInformed", false);
    body.put("respondBy", respondBy.toString());
    if (at != null) {
      body.put("occurredAt", at.toString());
    }
    return post(caller, "/api/handovers", body);
  }

  private static io.restassured.response.ValidatableResponse responsibility(
      String caller, String key, Instant at) {
    return get(caller, "/api/patients/" + key + "/responsibility?at=" + at).statusCode(200);
  }

  private static Instant inADay() {
    return Instant.now().plus(1, ChronoUnit.DAYS);
  }
}
