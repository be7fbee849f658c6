package dk.stafet.responsibility.security;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MUNICIPALITY;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.cancerReferral;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read a patient (404 otherwise, always audited), R27 naming, and the FHIR and KPI views of
 * it.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class AccessNamingAndFhirTests {

  private static KafkaTestClient kafka;
  private static final FhirContext FHIR = FhirContext.forR4Cached();

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
  void onlyInvolvedOrganisationsSeeThePatientAndEveryReadIsAudited() {
    String cpr = newCpr();
    String key = cancerPatientAdmittedToCardiology(cpr);
    String path = "/api/patients/" + key + "/who-to-call";

    given().when().get(path).then().statusCode(401);
    get(MUNICIPALITY, path).statusCode(404).body("code", equalTo("PATIENT_NOT_FOUND"));
    get(GP_AABYHOEJ, path).statusCode(200).body("organisation.sor", equalTo(CARDIOLOGY));

    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'DENIED'",
                key,
                MUNICIPALITY))
        .isEqualTo(1);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND caller_sor = ?2 AND outcome = 'GRANTED' "
                    + "AND action = 'who-to-call'",
                key,
                GP_AABYHOEJ))
        .isEqualTo(1);

    // Lookup by CPR: the number travels in the body only and is not echoed back.
    String answer =
        post(
                CARDIOLOGY,
                "/api/patients/lookup",
                Map.of("cpr", cpr.substring(0, 6) + "-" + cpr.substring(6)))
            .statusCode(200)
            .body("patientKey", equalTo(key))
            .body("whoToCall.rule", equalTo("R6"))
            .extract()
            .asString();
    assertThat(answer).doesNotContain(cpr.substring(6));
    post(MUNICIPALITY, "/api/patients/lookup", Map.of("cpr", cpr)).statusCode(404);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE patient_key = ?1 AND action = 'lookup'",
                key))
        .isEqualTo(2);
  }

  @Test
  void onlyThePrdHolderNamesTheDoctorAndFhirAndKpisShowIt() {
    String cpr = newCpr();
    String key = cancerPatientAdmittedToCardiology(cpr);
    String naming = "/api/patients/" + key + "/named-doctor";

    post(GP_AABYHOEJ, naming, Map.of("doctorId", "AUT-GP1"))
        .statusCode(409)
        .body("code", equalTo("ASSIGNMENT_FROM_NON_HOLDER"));
    post(CARDIOLOGY, naming, Map.of("doctorId", "AUT-0042", "name", "Dr. Karen Hansen"))
        .statusCode(200)
        .body("doctorId", equalTo("AUT-0042"));

    get(GP_AABYHOEJ, "/api/patients/" + key + "/who-to-call")
        .statusCode(200)
        .body("namedDoctor.id", equalTo("AUT-0042"))
        .body("namedDoctor.name", equalTo("Dr. Karen Hansen"))
        .body("patientResponsibleDoctor.doctor.id", equalTo("AUT-0042"));
    assertThat(TestDb.outboxTypes(key)).endsWith("dk.stafet.responsibility.doctor-named");

    // FHIR: careManager is the PRD, naming the doctor; the patient is referenced by CPR for this
    // authorised caller.
    String json =
        get(CARDIOLOGY, "/fhir/EpisodeOfCare/" + key)
            .statusCode(200)
            .contentType("application/fhir+json")
            .extract()
            .asString();
    EpisodeOfCare episode = FHIR.newJsonParser().parseResource(EpisodeOfCare.class, json);
    assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
    assertThat(episode.getPatient().getIdentifier().getValue()).isEqualTo(cpr);
    assertThat(episode.getCareManager().getReference()).isEqualTo("#prd");
    assertThat(episode.getContained())
        .filteredOn(r -> r instanceof Practitioner)
        .singleElement()
        .extracting(r -> ((Practitioner) r).getIdentifierFirstRep().getValue())
        .isEqualTo("AUT-0042");
    assertThat(episode.getContained())
        .filteredOn(r -> r instanceof Organization)
        .singleElement()
        .extracting(r -> ((Organization) r).getIdentifierFirstRep().getValue())
        .isEqualTo(CARDIOLOGY);
    assertThat(episode.getContained()).filteredOn(r -> r instanceof PractitionerRole).hasSize(1);

    CareTeam team =
        FHIR.newJsonParser()
            .parseResource(
                CareTeam.class,
                get(GP_AABYHOEJ, "/fhir/CareTeam/" + key).statusCode(200).extract().asString());
    assertThat(team.getParticipant())
        .extracting(p -> p.getRoleFirstRep().getText())
        .containsExactly(
            "patient-responsible doctor", "treatment responsibility (HOSPITAL)", "listed GP");

    Bundle hidden =
        FHIR.newJsonParser()
            .parseResource(
                Bundle.class,
                get(MUNICIPALITY, "/fhir/EpisodeOfCare?patient-key=" + key)
                    .statusCode(200)
                    .extract()
                    .asString());
    assertThat(hidden.getTotal()).isZero();

    get(MUNICIPALITY, "/api/kpis")
        .statusCode(200)
        .body(
            "courseTypes.find { it.courseType == 'CANCER' }.withNamedDoctor",
            greaterThanOrEqualTo(1))
        .body("courseTypes.find { it.courseType == 'CANCER' }.target", equalTo(0.9f))
        .body(
            "courseTypes.find { it.courseType == 'CANCER' }.referralToNamedCount",
            greaterThanOrEqualTo(1));
    // The same KPIs as Prometheus gauges (refreshed on a schedule).
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                    .containsPattern(
                        "stafet_kpi_named_prd_share\\{courseType=\"CANCER\"[^}]*} 0\\.\\d*[1-9]|"
                            + "stafet_kpi_named_prd_share\\{courseType=\"CANCER\"[^}]*} 1\\.0"));
  }

  /** Listed GP, a cancer referral from the GP to cardiology, then admission there (R6). */
  private String cancerPatientAdmittedToCardiology(String cpr) {
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-06-01T09:00"), GP_AABYHOEJ));
    send(
        kafka,
        cancerReferral(key, cpr, dk("2025-06-02T09:00"), "ref-" + key, CARDIOLOGY, GP_AABYHOEJ));
    send(kafka, admitted(key, cpr, dk("2025-06-03T10:00"), "stay-" + key, CARDIOLOGY));
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
