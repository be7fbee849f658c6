package dk.stafet.responsibility.security;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.GP_TROEJBORG;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_RANDERS;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.access.PatientAccessSuite;
import dk.stafet.testsupport.access.PatientEndpoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14, "0 cross-organisation reads, proven", for responsibility-service: every operation of
 * its OpenAPI document is in this table (test-support's {@link PatientAccessSuite} runs it), or
 * says why it carries no patient data. Each patient has a listed GP and is admitted to cardiology
 * (the holder, R6); a handover from cardiology to Godstrup is proposed, and a shared care plan by
 * cardiology made ready to complete, when a recipe needs one. A department in Randers and another
 * GP are involved with none of them.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CrossOrganisationAccessTests {

  private static final String COORDINATOR = TestTokens.COORDINATOR_SOR;
  private static KafkaTestClient kafka;

  @Inject DataSource dataSource;
  @Inject PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  /** A patient of the fixture (its handover proposed on first use), or a ghost. */
  static final class Patient {
    final String cpr;
    final String key;
    private final boolean ghost;
    private String handover;
    private String plan;
    private String activity;

    Patient(String cpr, String key, boolean ghost) {
      this.cpr = cpr;
      this.key = key;
      this.ghost = ghost;
    }

    String cpr() {
      return cpr;
    }

    String key() {
      return key;
    }

    /** A handover from cardiology (the holder) to Godstrup, proposed by cardiology. */
    String handover() {
      if (handover == null) {
        handover =
            ghost
                ? UUID.randomUUID().toString()
                : propose(() -> as(CARDIOLOGY), this).then().statusCode(201).extract().path("id");
      }
      return handover;
    }

    /**
     * A shared care plan by cardiology, ready to complete: cardiology's one activity done,
     * cardiology the case manager, the closing talk held.
     */
    String plan() {
      if (plan == null) {
        if (ghost) {
          plan = UUID.randomUUID().toString();
          activity = UUID.randomUUID().toString();
        } else {
          io.restassured.path.json.JsonPath created =
              as(CARDIOLOGY)
                  .contentType(ContentType.JSON)
                  .body(
                      Map.of(
                          "patientKey",
                          key,
                          "kind",
                          "COMPLEX_ADULT",
                          "activities",
                          java.util.List.of(
                              Map.of(
                                  "ownerSor",
                                  CARDIOLOGY,
                                  "description",
                                  "udredning",
                                  "status",
                                  "COMPLETED"))))
                  .post("/api/care-plans")
                  .then()
                  .statusCode(201)
                  .extract()
                  .jsonPath();
          plan = created.getString("id");
          activity = created.getString("activities[0].id");
          as(CARDIOLOGY)
              .contentType(ContentType.JSON)
              .body(Map.of("organisationSor", CARDIOLOGY))
              .post("/api/care-plans/{id}/case-manager", plan)
              .then()
              .statusCode(200);
          as(CARDIOLOGY)
              .contentType(ContentType.JSON)
              .body(Map.of())
              .post("/api/care-plans/{id}/closing-talk", plan)
              .then()
              .statusCode(200);
        }
      }
      return plan;
    }

    String activity() {
      plan();
      return activity;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperationRefusesOutsidersAndAuditsTheInvolved() {
    return PatientAccessSuite.<Patient>auditedIn(dataSource)
        .patients(this::newPatient)
        .ghosts(this::ghost)
        .identifiedBy(Patient::key)
        .involved(p -> CARDIOLOGY)
        .outsiders(MEDICAL_RANDERS, GP_TROEJBORG)
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/patients/lookup",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("cpr", p.cpr()))
                            .post("/api/patients/lookup"))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/patients/{patientKey}/who-to-call",
                    (as, p) -> as.get().get("/api/patients/{k}/who-to-call", p.key()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/api/patients/{patientKey}/ledger",
                (as, p) -> as.get().get("/api/patients/{k}/ledger", p.key())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/api/patients/{patientKey}/responsibility",
                (as, p) -> as.get().get("/api/patients/{k}/responsibility", p.key())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "POST",
                "/api/patients/{patientKey}/named-doctor",
                (as, p) ->
                    as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of("doctorId", "AUT-ACCESS"))
                        .post("/api/patients/{k}/named-doctor", p.key())))
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/api/patients/attention",
                    (as, p) -> as.get().queryParam("limit", 1000).get("/api/patients/attention"),
                    (r, p) -> r.jsonPath().getList("patientKey").contains(p.key()))
                .involved(p -> COORDINATOR))
        .endpoint(
            PatientEndpoint.<Patient>of("POST", "/api/handovers", (as, p) -> propose(as, p))
                .succeedsWith(201))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/handovers/{id}/accept",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("agreementChannel", "ELECTRONIC"))
                            .post("/api/handovers/{id}/accept", p.handover()))
                .involved(p -> MEDICAL_GODSTRUP))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/handovers/{id}/reject",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("reason", "no beds"))
                            .post("/api/handovers/{id}/reject", p.handover()))
                .involved(p -> MEDICAL_GODSTRUP))
        .endpoint(
            PatientEndpoint.<Patient>list(
                "/api/handovers",
                (as, p) -> {
                  p.handover();
                  return as.get().get("/api/handovers");
                },
                (r, p) -> r.jsonPath().getList("patientKey").contains(p.key())))
        .endpoint(
            PatientEndpoint.<Patient>list(
                "/fhir/EpisodeOfCare",
                (as, p) -> as.get().queryParam("patient-key", p.key()).get("/fhir/EpisodeOfCare"),
                (r, p) -> r.jsonPath().getInt("total") > 0))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/fhir/EpisodeOfCare/{patientKey}",
                (as, p) -> as.get().get("/fhir/EpisodeOfCare/{k}", p.key())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/fhir/CareTeam/{patientKey}",
                (as, p) -> as.get().get("/fhir/CareTeam/{k}", p.key())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/care-plans",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("patientKey", p.key(), "kind", "COMPLEX_ADULT"))
                            .post("/api/care-plans"))
                .succeedsWith(201))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/care-plans",
                    (as, p) -> as.get().queryParam("patientKey", p.key()).get("/api/care-plans"))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/care-plans/{id}",
                    (as, p) -> as.get().get("/api/care-plans/{id}", p.plan()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/care-plans/{id}/activities",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("ownerSor", MEDICAL_GODSTRUP, "description", "opfølgning"))
                            .post("/api/care-plans/{id}/activities", p.plan()))
                .succeedsWith(201))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "PUT",
                "/api/care-plans/{id}/activities/{activityId}",
                (as, p) ->
                    as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of("end", "2026-02-01"))
                        .put("/api/care-plans/{id}/activities/{a}", p.plan(), p.activity())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/care-plans/{id}/case-manager",
                    (as, p) ->
                        as.get()
                            .contentType(ContentType.JSON)
                            .body(Map.of("organisationSor", CARDIOLOGY))
                            .post("/api/care-plans/{id}/case-manager", p.plan()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                "POST",
                "/api/care-plans/{id}/closing-talk",
                (as, p) ->
                    as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post("/api/care-plans/{id}/closing-talk", p.plan())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "POST",
                "/api/care-plans/{id}/complete",
                (as, p) ->
                    as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post("/api/care-plans/{id}/complete", p.plan())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "POST",
                "/api/care-plans/{id}/revoke",
                (as, p) ->
                    as.get()
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post("/api/care-plans/{id}/revoke", p.plan())))
        .endpoint(
            PatientEndpoint.<Patient>list(
                "/fhir/CarePlan",
                (as, p) -> {
                  p.plan();
                  return as.get().queryParam("patient", p.key()).get("/fhir/CarePlan");
                },
                (r, p) -> r.jsonPath().getInt("total") > 0))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/fhir/CarePlan/{id}",
                (as, p) -> as.get().get("/fhir/CarePlan/{id}", p.plan())))
        .withParkedRecords()
        .withAuditTrail()
        .noPatientData("GET /api/kpis", "aggregate counts and durations, no patient")
        .noPatientData(
            "GET /fhir/metadata",
            "the FHIR CapabilityStatement: what the base serves, public like any FHIR server's")
        .tests();
  }

  private static Response propose(Supplier<RequestSpecification> as, Patient p) {
    return as.get()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "patientKey",
                p.key(),
                "toSor",
                MEDICAL_GODSTRUP,
                "reason",
                "videre behandling",
                "patientInformed",
                true,
                "relativesInformed",
                false))
        .post("/api/handovers");
  }

  private Patient ghost() {
    String cpr = newCpr();
    return new Patient(cpr, pseudonym.of(cpr), true);
  }

  /** A patient with a listed GP, admitted to cardiology (R6). */
  private Patient newPatient() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ));
    send(kafka, admitted(key, cpr, dk("2025-05-05T10:00"), "stay-" + key, CARDIOLOGY));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(CARDIOLOGY)
                    .get("/api/patients/{k}/responsibility", key)
                    .then()
                    .statusCode(200)
                    .body("holderSor", equalTo(CARDIOLOGY)));
    return new Patient(cpr, key, false);
  }

  private static RequestSpecification as(String sor) {
    return given().auth().oauth2(TestTokens.forOrganisation(sor));
  }
}
