package dk.stafet.responsibility.security;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.MUNICIPALITY;
import static dk.stafet.responsibility.support.TestFacts.PATIENT_PORTAL;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.getAs;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.postAs;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Course coordinators read any patient (audited as READ_AS_COORDINATOR:…) but act only where
 * involved; the patient portal looks the citizen up by CPR number and then reads that patient's
 * who-to-call, nothing else.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CoordinatorAndPortalAccessTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
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
  void coordinatorReadsAnyPatientAuditedAsCoordinatorButCannotAct() {
    String cpr = newCpr();
    String key = admittedToCardiology(cpr);
    String base = "/api/patients/" + key;

    // Not involved, but a coordinator: every read is answered.
    get(COORDINATOR, base + "/who-to-call")
        .statusCode(200)
        .body("organisation.sor", equalTo(CARDIOLOGY));
    get(COORDINATOR, base + "/ledger")
        .statusCode(200)
        .body("patientKey", equalTo(key))
        .body("entries.holderSor", hasItem(CARDIOLOGY));
    get(COORDINATOR, base + "/responsibility")
        .statusCode(200)
        .body("holderSor", equalTo(CARDIOLOGY))
        .body("rule", equalTo("R6"));
    get(COORDINATOR, "/fhir/EpisodeOfCare/" + key)
        .statusCode(200)
        .contentType("application/fhir+json");
    get(COORDINATOR, "/fhir/CareTeam/" + key).statusCode(200);
    Bundle search =
        FHIR.newJsonParser()
            .parseResource(
                Bundle.class,
                get(COORDINATOR, "/fhir/EpisodeOfCare?patient-key=" + key)
                    .statusCode(200)
                    .extract()
                    .asString());
    assertThat(search.getTotal()).isEqualTo(1);
    post(COORDINATOR, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("patientKey", equalTo(key));

    // Each read audited under its own coordinator action, distinct from an involved organisation's.
    for (String action :
        new String[] {
          "who-to-call",
          "ledger",
          "responsibility",
          "fhir-episode-of-care",
          "fhir-care-team",
          "fhir-episode-of-care-search",
          "lookup"
        }) {
      assertThat(
              TestDb.count(
                  "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 "
                      + "AND outcome = 'GRANTED' AND action = ?3",
                  key,
                  COORDINATOR,
                  "READ_AS_COORDINATOR:" + action))
          .as(action)
          .isEqualTo(1);
    }
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 "
                    + "AND action NOT LIKE 'READ_AS_COORDINATOR:%'",
                key, COORDINATOR))
        .isZero();

    // Involved organisations keep their plain actions; everyone else is still refused.
    get(GP_AABYHOEJ, base + "/ledger").statusCode(200);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND action = 'ledger'",
                key,
                GP_AABYHOEJ))
        .isEqualTo(1);
    get(MUNICIPALITY, base + "/ledger").statusCode(404).body("code", equalTo("PATIENT_NOT_FOUND"));

    // Reading is not acting: naming the doctor or proposing a handover is for the staff of involved
    // organisations
    // (a role the coordinator's token lacks: 403, whatever the patient).
    post(COORDINATOR, base + "/named-doctor", Map.of("doctorId", "AUT-COORD"))
        .statusCode(403)
        .body("code", equalTo("NOT_AUTHORISED"));
    post(
            COORDINATOR,
            "/api/handovers",
            Map.of(
                "patientKey",
                key,
                "toSor",
                MEDICAL_GODSTRUP,
                "reason",
                "coordinator move",
                "patientInformed",
                true,
                "relativesInformed",
                false))
        .statusCode(403);
    get(COORDINATOR, base + "/responsibility")
        .statusCode(200)
        .body("holderSor", equalTo(CARDIOLOGY))
        .body("doctorId", equalTo(null));
  }

  @Test
  void coordinatorGetsNotFoundForAnUnknownPatientAndTheRefusalIsAudited() {
    String unknown = pseudonym.of(newCpr());
    get(COORDINATOR, "/api/patients/" + unknown + "/who-to-call")
        .statusCode(404)
        .body("code", equalTo("PATIENT_NOT_FOUND"));
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'DENIED' "
                    + "AND action = 'READ_AS_COORDINATOR:who-to-call'",
                unknown,
                COORDINATOR))
        .isEqualTo(1);
  }

  @Test
  void patientPortalReadsOnlyTheWhoToCallOfTheCitizenItsTokenNames() {
    String cpr = newCpr();
    String key = admittedToCardiology(cpr);
    String otherCpr = newCpr();
    String otherKey = admittedToCardiology(otherCpr);
    String whoToCall = "/api/patients/" + key + "/who-to-call";
    String portal = TestTokens.portalFor(cpr);

    // The portal acting for another citizen sees nothing of this one, by key or by CPR number.
    getAs(TestTokens.portalFor(otherCpr), whoToCall)
        .statusCode(404)
        .body("code", equalTo("PATIENT_NOT_FOUND"));

    String answer =
        postAs(
                portal,
                "/api/patients/lookup",
                Map.of("cpr", cpr.substring(0, 6) + "-" + cpr.substring(6)))
            .statusCode(200)
            .body("patientKey", equalTo(key))
            .body("whoToCall.organisation.sor", equalTo(CARDIOLOGY))
            .extract()
            .asString();
    assertThat(answer).doesNotContain(cpr.substring(6));

    getAs(portal, whoToCall)
        .statusCode(200)
        .body("patientKey", equalTo(key))
        .body("rule", equalTo("R6"));
    getAs(portal, whoToCall + "?at=" + dk("2025-05-06T08:00"))
        .statusCode(200)
        .body("organisation.sor", equalTo(CARDIOLOGY));

    // Only who-to-call, and only for the patient it looked up.
    getAs(portal, "/api/patients/" + key + "/ledger").statusCode(404);
    getAs(portal, "/api/patients/" + key + "/responsibility").statusCode(404);
    getAs(portal, "/fhir/EpisodeOfCare/" + key).statusCode(404);
    getAs(portal, "/api/patients/" + otherKey + "/who-to-call").statusCode(404);
    getAs(portal, "/api/patients/attention").statusCode(403);
    postAs(portal, "/api/patients/" + key + "/named-doctor", Map.of("doctorId", "AUT-X"))
        .statusCode(403);

    // Another citizen's CPR number, and an unknown one: nothing found; malformed numbers are
    // refused as for anyone.
    postAs(portal, "/api/patients/lookup", Map.of("cpr", otherCpr))
        .statusCode(404)
        .body("code", equalTo("PATIENT_NOT_FOUND"));
    postAs(portal, "/api/patients/lookup", Map.of("cpr", newCpr()))
        .statusCode(404)
        .body("code", equalTo("PATIENT_NOT_FOUND"));
    postAs(portal, "/api/patients/lookup", Map.of("cpr", "12345"))
        .statusCode(422)
        .body("code", equalTo("INVALID_CPR"));

    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'GRANTED' "
                    + "AND action = 'READ_AS_PATIENT_PORTAL:lookup'",
                key,
                PATIENT_PORTAL))
        .isEqualTo(1);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'GRANTED' "
                    + "AND action = 'READ_AS_PATIENT_PORTAL:who-to-call'",
                key,
                PATIENT_PORTAL))
        .isEqualTo(2);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'DENIED' "
                    + "AND action = 'READ_AS_PATIENT_PORTAL:who-to-call'",
                key,
                PATIENT_PORTAL))
        .isEqualTo(1);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'DENIED'",
                otherKey,
                PATIENT_PORTAL))
        .isEqualTo(2);
  }

  @Test
  void aCoordinatorRecordsTheReceiversAnswerOnItsBehalfAndTheAuditNamesThePerson() {
    String key = admittedToCardiology(newCpr());
    String id =
        post(
                CARDIOLOGY,
                "/api/handovers",
                Map.of(
                    "patientKey",
                    key,
                    "toSor",
                    MEDICAL_GODSTRUP,
                    "reason",
                    "videre behandling",
                    "patientInformed",
                    true,
                    "relativesInformed",
                    false))
            .statusCode(201)
            .extract()
            .path("id");
    // An organisation neither party nor coordinator learns nothing.
    post(MUNICIPALITY, "/api/handovers/" + id + "/accept", Map.of("agreementChannel", "ELECTRONIC"))
        .statusCode(404);

    post(COORDINATOR, "/api/handovers/" + id + "/accept", Map.of("agreementChannel", "ELECTRONIC"))
        .statusCode(200)
        .body("state", equalTo("ACCEPTED"));
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'GRANTED' "
                    + "AND action = 'READ_AS_COORDINATOR:handover-accept' AND person_subject = 'test-coordinator-person' "
                    + "AND caller_roles = 'COORDINATOR'",
                key,
                COORDINATOR))
        .isEqualTo(1);
  }

  /** A patient with a listed GP, admitted to cardiology (R6) on 5 May 2025. */
  private String admittedToCardiology(String cpr) {
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
