package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.COORDINATOR;
import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.MUNICIPALITY;
import static dk.stafet.referral.course.rest.TestData.NATIONAL_REGISTER;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.OTHER_GP;
import static dk.stafet.referral.course.rest.TestData.PATIENT_PORTAL;
import static dk.stafet.referral.course.rest.TestData.get;
import static dk.stafet.referral.course.rest.TestData.getAs;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static dk.stafet.referral.course.rest.TestData.postAs;
import static dk.stafet.referral.course.rest.TestData.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only involved organisations see a patient's courses; others get 404; every read leaves an audit
 * row.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class AccessAndAuditTests {

  @Inject PatientPseudonym pseudonym;

  @Test
  void involvedOrganisationsReadAndEachReadIsAudited() {
    String cpr = newCpr();
    String id =
        post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201).extract().path("id");

    get(DEPARTMENT, "/api/referrals/" + id)
        .statusCode(200)
        .body("id", equalTo(id))
        .body("history", hasSize(1))
        .body(not(containsString(cpr)));
    get(GP, "/api/referrals/" + id).statusCode(200);

    List<AuditEntry> audit = auditOf(pseudonym.of(cpr));
    assertThat(audit)
        .extracting(
            e ->
                e.callerSor
                    + " "
                    + e.action
                    + " "
                    + e.outcome
                    + " "
                    + e.resourceType
                    + " "
                    + e.resourceId)
        .containsExactly(
            DEPARTMENT + " READ GRANTED REFERRAL " + id, GP + " READ GRANTED REFERRAL " + id);
    assertThat(audit).allSatisfy(e -> assertThat(e.patientKey).isEqualTo(pseudonym.of(cpr)));
  }

  @Test
  void otherOrganisationGets404AndTheRefusalIsAudited() {
    String cpr = newCpr();
    String id =
        post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201).extract().path("id");

    get(OTHER_DEPARTMENT, "/api/referrals/" + id)
        .statusCode(404)
        .contentType("application/problem+json");
    // Same answer as for an id that does not exist.
    get(OTHER_DEPARTMENT, "/api/referrals/" + java.util.UUID.randomUUID()).statusCode(404);
    post(OTHER_DEPARTMENT, "/api/patients/lookup", Map.of("cpr", cpr)).statusCode(404);
    // Writes by an organisation that may not see it: 404 as well; by the referrer (who may see it):
    // 403.
    post(OTHER_DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(404);
    post(GP, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(403);

    assertThat(auditOf(pseudonym.of(cpr)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.outcome)
        .containsExactly(OTHER_DEPARTMENT + " READ DENIED", OTHER_DEPARTMENT + " LOOKUP DENIED");
  }

  @Test
  void withoutCallerPatientDataIs401() {
    String id =
        post(DEPARTMENT, "/api/referrals", referral(newCpr())).statusCode(201).extract().path("id");
    // The same 401 body in all three services (docs/errors.md): RFC 9457 plus the stable code.
    get(null, "/api/referrals/" + id)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("keySet()", containsInAnyOrder("type", "title", "status", "detail", "code"))
        .body("type", equalTo("https://stafet.dk/problems/not-authenticated"))
        .body("title", equalTo("No calling organisation"))
        .body("status", equalTo(401))
        .body("code", equalTo("NOT_AUTHENTICATED"))
        .body("detail", containsString("bearer token"));
    post(null, "/api/patients/lookup", Map.of("cpr", newCpr())).statusCode(401);
    post(null, "/api/referrals", referral(newCpr())).statusCode(401);
  }

  @Test
  void listedGpAndMunicipalitySeeEverythingOthersOnlyTheirOwn() {
    String cpr = newCpr();
    post(
            NATIONAL_REGISTER,
            "/api/patients/listed-gp",
            Map.of("cpr", cpr, "gpSor", OTHER_GP, "municipalitySor", MUNICIPALITY))
        .statusCode(200);
    post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201);
    post(
            OTHER_DEPARTMENT,
            "/api/hospital-stays",
            Map.of(
                "cpr",
                cpr,
                "episodeOfCareId",
                "ep-" + java.util.UUID.randomUUID(),
                "serviceProviderSor",
                OTHER_DEPARTMENT,
                "encounterClass",
                "IMP"))
        .statusCode(201);

    post(OTHER_GP, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("patientKey", equalTo(pseudonym.of(cpr)))
        .body("listedGpSor", equalTo(OTHER_GP))
        .body("referrals", hasSize(1))
        .body("hospitalStays", hasSize(1))
        .body(not(containsString(cpr)));
    post(MUNICIPALITY, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("referrals", hasSize(1))
        .body("hospitalStays", hasSize(1));
    post(DEPARTMENT, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("referrals", hasSize(1))
        .body("hospitalStays", hasSize(0));

    assertThat(auditOf(pseudonym.of(cpr)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.resourceType)
        .containsExactly(
            NATIONAL_REGISTER + " REGISTER_LISTED_GP PATIENT",
            OTHER_GP + " LOOKUP PATIENT",
            MUNICIPALITY + " LOOKUP PATIENT",
            DEPARTMENT + " LOOKUP PATIENT");
  }

  @Test
  void coordinatorsAndThePatientPortalSeeTheWholePatientAndTheirReadsAreAuditedAsSuch() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201);
    post(
            OTHER_DEPARTMENT,
            "/api/hospital-stays",
            Map.of(
                "cpr",
                cpr,
                "episodeOfCareId",
                "ep-" + java.util.UUID.randomUUID(),
                "serviceProviderSor",
                OTHER_DEPARTMENT,
                "encounterClass",
                "IMP"))
        .statusCode(201);

    // The portal's token names one citizen (by pseudonym): it reads that citizen only, by CPR
    // number or by key.
    String portal = TestTokens.portalFor(cpr);
    String otherCitizensPortal = TestTokens.portalFor(newCpr());
    getAs(otherCitizensPortal, "/api/patients/" + key + "/messages").statusCode(404);
    post(COORDINATOR, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("referrals", hasSize(1))
        .body("hospitalStays", hasSize(1));
    postAs(portal, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("patientKey", equalTo(key))
        .body("referrals[0].waitingTimeRule", equalTo("W1"))
        .body("hospitalStays", hasSize(1))
        .body(not(containsString(cpr)));
    getAs(portal, "/api/patients/" + key + "/messages").statusCode(200);
    get(COORDINATOR, "/api/patients/" + key + "/messages").statusCode(200);
    postAs(otherCitizensPortal, "/api/patients/lookup", Map.of("cpr", cpr)).statusCode(404);
    // Unknown patients stay unknown to both; neither role lets the portal act.
    postAs(portal, "/api/patients/lookup", Map.of("cpr", newCpr())).statusCode(404);

    assertThat(auditOf(key))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.outcome)
        .containsExactly(
            PATIENT_PORTAL + " READ_AS_PATIENT_PORTAL:READ_MESSAGES DENIED",
            COORDINATOR + " READ_AS_COORDINATOR:LOOKUP GRANTED",
            PATIENT_PORTAL + " READ_AS_PATIENT_PORTAL:LOOKUP GRANTED",
            PATIENT_PORTAL + " READ_AS_PATIENT_PORTAL:READ_MESSAGES GRANTED",
            COORDINATOR + " READ_AS_COORDINATOR:READ_MESSAGES GRANTED",
            PATIENT_PORTAL + " READ_AS_PATIENT_PORTAL:LOOKUP DENIED");
    // Each row names the person and the role the token gave.
    assertThat(auditOf(key))
        .extracting(e -> e.personSubject + " " + e.callerRoles)
        .contains(
            "test-coordinator-person COORDINATOR", "test-patient_portal-person PATIENT_PORTAL");
  }

  @Test
  void theAuditTrailIsForTheSecurityOfficerAndNamesThePersons() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201);
    post(DEPARTMENT, "/api/patients/lookup", Map.of("cpr", cpr)).statusCode(200);
    get(DEPARTMENT, "/api/audit?patientKey=" + key).statusCode(403);
    get(COORDINATOR, "/api/audit?patientKey=" + key)
        .statusCode(403)
        .body("code", equalTo("NOT_AUTHORISED"));
    get(null, "/api/audit?patientKey=p-0").statusCode(401);

    get(TestTokens.SECURITY_SOR, "/api/audit?patientKey=" + key)
        .statusCode(200)
        .body("[0].callerSor", equalTo(DEPARTMENT))
        .body("[0].personSubject", equalTo("staff-" + DEPARTMENT))
        .body("[0].callerRoles", equalTo("STAFF"))
        .body("[0].action", equalTo("LOOKUP"));
    // The officer's own query is audited too, naming the officer.
    assertThat(auditOf(key))
        .extracting(e -> e.action + " " + e.personSubject)
        .contains("READ_AUDIT test-security_officer-person");
  }

  @Test
  void onlyTheNationalRegisterFeedSetsTheListedGp() {
    String cpr = newCpr();
    Map<String, String> claim = Map.of("cpr", cpr, "gpSor", OTHER_GP);
    // A GP making itself any patient's GP would gain the patient's whole record (R5/R9): refused,
    // nothing stored.
    post(OTHER_GP, "/api/patients/listed-gp", claim)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_AUTHORISED"))
        .body(not(containsString(cpr)));
    post(COORDINATOR, "/api/patients/listed-gp", claim).statusCode(403);
    post(null, "/api/patients/listed-gp", claim).statusCode(401);
    post(OTHER_GP, "/api/patients/lookup", Map.of("cpr", cpr)).statusCode(404);

    post(NATIONAL_REGISTER, "/api/patients/listed-gp", claim)
        .statusCode(200)
        .body("listedGpSor", equalTo(OTHER_GP));
    post(OTHER_GP, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("listedGpSor", equalTo(OTHER_GP));
    // The register's write answered with the patient's data: audited as a read, naming the feed.
    assertThat(auditOf(pseudonym.of(cpr)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.personSubject)
        .containsExactly(
            NATIONAL_REGISTER + " REGISTER_LISTED_GP test-national_register-person",
            OTHER_GP + " LOOKUP staff-" + OTHER_GP);
  }

  private static List<AuditEntry> auditOf(String patientKey) {
    return QuarkusTransaction.requiringNew().call(() -> AuditEntry.ofPatient(patientKey));
  }
}
