package dk.stafet.referral.security;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.MUNICIPALITY;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.OTHER_GP;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.referral;
import static io.restassured.RestAssured.given;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.access.PatientAccessSuite;
import dk.stafet.testsupport.access.PatientEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14, "0 cross-organisation reads, proven", for referral-service: every operation of its
 * OpenAPI document is in this table (test-support's {@link PatientAccessSuite} runs it), or says
 * why it carries no patient data. Each patient has a listed GP, a referral from the GP to a
 * hospital department, a stay in that department, an acute-function course of the municipality and
 * a quarantined input; the other GP and the other department are involved with none of them.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CrossOrganisationAccessTests {

  private static final String COORDINATOR = TestTokens.COORDINATOR_SOR;
  private static final String REGISTER = TestTokens.NATIONAL_REGISTER_SOR;

  @Inject DataSource dataSource;
  @Inject PatientPseudonym pseudonym;

  /** A patient of the fixture, or a ghost (nothing of it exists). */
  record Patient(
      String cpr,
      String key,
      String referralId,
      String stayId,
      String courseId,
      String quarantineId,
      String messageId) {}

  @TestFactory
  Stream<DynamicTest> everyOperationRefusesOutsidersAndAuditsTheInvolved() {
    return PatientAccessSuite.<Patient>auditedIn(dataSource)
        .patients(this::newPatient)
        .ghosts(this::ghost)
        .identifiedBy(Patient::key)
        .involved(p -> DEPARTMENT)
        .outsiders(OTHER_GP, OTHER_DEPARTMENT)
        // Patients
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/patients/listed-gp",
                    (as, p) ->
                        post(as, "/api/patients/listed-gp", Map.of("cpr", p.cpr(), "gpSor", GP)))
                .involved(p -> REGISTER))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/patients/no-listed-gp",
                    (as, p) ->
                        post(
                            as,
                            "/api/patients/no-listed-gp",
                            Map.of("cpr", p.cpr(), "municipalitySor", MUNICIPALITY)))
                .involved(p -> REGISTER))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/patients/lookup",
                    (as, p) -> post(as, "/api/patients/lookup", Map.of("cpr", p.cpr())))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/deaths",
                    (as, p) -> post(as, "/api/deaths", Map.of("cpr", p.cpr())))
                .succeedsWith(204)
                .notAuditedBecause("answers nothing (204)"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/patients/{patientKey}/messages",
                    (as, p) -> as.get().get("/api/patients/{k}/messages", p.key()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/api/patients/identities",
                    (as, p) ->
                        as.get().queryParam("patientKey", p.key()).get("/api/patients/identities"),
                    (r, p) -> r.jsonPath().getList("patientKey").contains(p.key()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/patients/{patientKey}/referrals",
                    (as, p) -> as.get().get("/api/patients/{k}/referrals", p.key()))
                .portalReadsOwnCitizen())
        // Referrals
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/referrals",
                    (as, p) -> post(as, "/api/referrals", referral(p.cpr())))
                .succeedsWith(201)
                .notAuditedBecause(
                    "answers the referral its caller has just recorded, nothing more"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/api/referrals/{id}",
                (as, p) -> as.get().get("/api/referrals/{id}", p.referralId())))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST", "/api/referrals/{id}/visitation", CrossOrganisationAccessTests::accept)
                .notAuditedBecause("answers the referral's new state, without its history"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/referrals/{id}/start",
                    (as, p) -> {
                      accept(as, p);
                      return post(as, "/api/referrals/" + p.referralId() + "/start", Map.of());
                    })
                .notAuditedBecause("answers the referral's new state, without its history"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/referrals/{id}/end",
                    (as, p) -> {
                      accept(as, p);
                      post(as, "/api/referrals/" + p.referralId() + "/start", Map.of());
                      return post(as, "/api/referrals/" + p.referralId() + "/end", Map.of());
                    })
                .notAuditedBecause("answers the referral's new state, without its history"))
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/api/referrals/waiting-times",
                    (as, p) -> as.get().get("/api/referrals/waiting-times"),
                    (r, p) -> r.jsonPath().getList("id").contains(p.referralId()))
                .involved(p -> COORDINATOR))
        // Hospital stays
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/hospital-stays",
                    (as, p) -> post(as, "/api/hospital-stays", admission(p.cpr())))
                .succeedsWith(201)
                .notAuditedBecause("answers the stay its caller has just recorded, nothing more"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/api/hospital-stays/{id}",
                (as, p) -> as.get().get("/api/hospital-stays/{id}", p.stayId())))
        .endpoint(stayTransition("leave"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/hospital-stays/{id}/leave-end",
                    (as, p) -> {
                      post(as, "/api/hospital-stays/" + p.stayId() + "/leave", Map.of());
                      return post(as, "/api/hospital-stays/" + p.stayId() + "/leave-end", Map.of());
                    })
                .notAuditedBecause("answers the stay's new state"))
        .endpoint(stayTransition("discharge"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/hospital-stays/{id}/cancel",
                    (as, p) ->
                        post(
                            as,
                            "/api/hospital-stays/" + p.stayId() + "/cancel",
                            Map.of("target", "ADMISSION")))
                .notAuditedBecause("answers the stay's new state"))
        // Courses
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST", "/api/courses", (as, p) -> post(as, "/api/courses", course(p.cpr())))
                .involved(p -> MUNICIPALITY)
                .succeedsWith(201)
                .notAuditedBecause("answers the course its caller has just recorded, nothing more"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/courses/{id}",
                    (as, p) -> as.get().get("/api/courses/{id}", p.courseId()))
                .involved(p -> MUNICIPALITY))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/courses/{id}/end",
                    (as, p) ->
                        post(as, "/api/courses/" + p.courseId() + "/end", Map.of("exit", "HOME")))
                .involved(p -> MUNICIPALITY)
                .notAuditedBecause("answers the course's new state"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/acute-referrals/declined",
                    (as, p) ->
                        post(
                            as,
                            "/api/acute-referrals/declined",
                            Map.of(
                                "cpr",
                                p.cpr(),
                                "acuteFunctionSor",
                                MUNICIPALITY,
                                "referrerKind",
                                "GP",
                                "referrerSor",
                                GP)))
                .involved(p -> MUNICIPALITY)
                .succeedsWith(201)
                .notAuditedBecause("answers the declined referral its caller has just recorded"))
        // Quarantine (raw input, CPR numbers included): coordinators only
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/api/quarantine",
                    (as, p) -> as.get().queryParam("limit", 500).get("/api/quarantine"),
                    (r, p) -> r.jsonPath().getList("entries.id").contains(p.quarantineId()))
                .involved(p -> COORDINATOR)
                .notAuditedBecause(
                    "lists input not yet tied to a patient, stored reasons with CPR-shaped text masked;"
                        + " inspecting one input is audited"))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/api/quarantine/{id}",
                    (as, p) -> as.get().get("/api/quarantine/{id}", p.quarantineId()))
                .involved(p -> COORDINATOR)
                .auditedUnder(Patient::quarantineId))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/quarantine/{id}/replay",
                    (as, p) -> as.get().post("/api/quarantine/{id}/replay", p.quarantineId()))
                .involved(p -> COORDINATOR)
                .notAuditedBecause("answers the replay's disposition only"))
        .withAuditTrail()
        // MedCom in: any sender may send about any patient (that is how it becomes involved)
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/fhir/{operation}",
                    (as, p) ->
                        as.get()
                            .contentType("application/fhir+json")
                            .body(unreadableInputAbout(p.cpr()))
                            .post("/fhir/$process-message"))
                .succeedsWith(400)
                .sendersOnly(
                    "takes a MedCom message from its sender and answers only the acknowledgement;"
                        + " the Bundle's sender must be the token's organisation (front-door tests)"))
        // FHIR reads: the JSON API's access rules, OperationOutcome errors
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/fhir/ServiceRequest/{id}",
                (as, p) -> as.get().get("/fhir/ServiceRequest/{id}", p.referralId())))
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/fhir/ServiceRequest",
                    (as, p) -> as.get().queryParam("patient", p.key()).get("/fhir/ServiceRequest"),
                    (r, p) -> searchsetHas(r, p.referralId()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "GET",
                    "/fhir/Communication/{id}",
                    (as, p) -> as.get().get("/fhir/Communication/{id}", p.messageId()))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/fhir/Communication",
                    (as, p) -> as.get().queryParam("patient", p.key()).get("/fhir/Communication"),
                    (r, p) -> searchsetHas(r, p.messageId()))
                .portalReadsOwnCitizen())
        .noPatientData(
            "GET /fhir/metadata",
            "the FHIR CapabilityStatement: what the base serves, public like any FHIR server's")
        .withParkedRecords()
        .noPatientData(
            "GET /api/referrals/waiting-times/summary", "counts per status; coordinators only")
        .tests();
  }

  private static PatientEndpoint<Patient> stayTransition(String transition) {
    return PatientEndpoint.<Patient>of(
            "POST",
            "/api/hospital-stays/{id}/" + transition,
            (as, p) -> post(as, "/api/hospital-stays/" + p.stayId() + "/" + transition, Map.of()))
        .notAuditedBecause("answers the stay's new state");
  }

  /**
   * A FHIR searchset Bundle (no entry at all when empty) with this resource id among its matches.
   */
  private static boolean searchsetHas(Response bundle, String id) {
    List<String> ids = bundle.jsonPath().getList("entry.resource.id");
    return ids != null && ids.contains(id);
  }

  private static Response accept(Supplier<RequestSpecification> as, Patient p) {
    return post(
        as, "/api/referrals/" + p.referralId() + "/visitation", Map.of("decision", "ACCEPTED"));
  }

  private Patient newPatient() {
    String cpr = newCpr();
    Supplier<RequestSpecification> register = as(REGISTER);
    post(register, "/api/patients/listed-gp", Map.of("cpr", cpr, "gpSor", GP))
        .then()
        .statusCode(200);
    String referral =
        post(as(DEPARTMENT), "/api/referrals", referral(cpr))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String stay =
        post(as(DEPARTMENT), "/api/hospital-stays", admission(cpr))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String course =
        post(as(MUNICIPALITY), "/api/courses", course(cpr))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String quarantined =
        as(DEPARTMENT)
            .get()
            .contentType("application/fhir+json")
            .body(unreadableInputAbout(cpr))
            .post("/fhir/$process-message")
            .then()
            .statusCode(400)
            .extract()
            .header("X-Stafet-Quarantine-Id");
    String key = pseudonym.of(cpr);
    return new Patient(cpr, key, referral, stay, course, quarantined, messageFrom(DEPARTMENT, key));
  }

  private Patient ghost() {
    String cpr = newCpr();
    return new Patient(
        cpr,
        pseudonym.of(cpr),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString());
  }

  /**
   * A MedCom message the front door received from this sender about the patient, as the front door
   * stores it (its own tests prove how it gets there).
   */
  private static String messageFrom(String senderSor, String patientKey) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ReceivedMessage m = new ReceivedMessage();
              m.id = id;
              m.messageHeaderId = UUID.randomUUID().toString();
              m.firstBundleId = UUID.randomUUID().toString();
              m.messageType = "CARE_COMMUNICATION";
              m.channel = "HTTP";
              m.senderSor = senderSor;
              m.receiverSor = GP;
              m.patientKey = patientKey;
              m.contentType = "application/fhir+json";
              m.rawBundle = "{}";
              m.outcome = ReceivedMessage.Outcome.ACCEPTED;
              m.ackCode = "ok";
              m.receivedAt = Instant.now();
              m.lastReceivedAt = m.receivedAt;
              m.timesReceived = 1;
              m.persist();
            });
    return id.toString();
  }

  private static Map<String, Object> admission(String cpr) {
    return Map.of(
        "cpr",
        cpr,
        "episodeOfCareId",
        "ep-" + UUID.randomUUID(),
        "serviceProviderSor",
        DEPARTMENT,
        "encounterClass",
        "IMP");
  }

  private static Map<String, Object> course(String cpr) {
    return Map.of(
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
        "TEAM");
  }

  /** Input the front door cannot read (400, quarantined) that names the patient's CPR number. */
  private static String unreadableInputAbout(String cpr) {
    return "{\"resourceType\":\"Bundle\",\"note\":\"" + cpr + "\"";
  }

  private static Response post(Supplier<RequestSpecification> as, String path, Object body) {
    return as.get().contentType(ContentType.JSON).body(body).post(path);
  }

  private static Supplier<RequestSpecification> as(String sor) {
    return () -> given().auth().oauth2(TestTokens.forOrganisation(sor));
  }
}
