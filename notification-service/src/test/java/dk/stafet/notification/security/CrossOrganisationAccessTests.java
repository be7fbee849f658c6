package dk.stafet.notification.security;

import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static dk.stafet.notification.support.Organisations.OTHER_GP;

import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.access.PatientAccessSuite;
import dk.stafet.testsupport.access.PatientEndpoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14, "0 cross-organisation reads, proven", for notification-service: every operation of its
 * OpenAPI document is in this table (test-support's {@link PatientAccessSuite} runs it), or says
 * why it carries no patient data. Each patient gets a CareCommunication to its GP (responsibility
 * moved to a hospital); the GP does not acknowledge in the test profile, so the letter becomes a
 * dead letter after its retransmissions when a recipe needs one. Another GP and a municipality
 * receive none of these letters.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CrossOrganisationAccessTests {

  private static final String COORDINATOR = TestTokens.COORDINATOR_SOR;
  private static KafkaTestClient kafka;

  @Inject DataSource dataSource;
  @Inject DeliveryOperations operations;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  /** A patient with one letter to its GP, or a ghost (no letter). */
  final class Patient {
    final String key;
    final String letter;
    private final boolean ghost;
    private boolean deadLettered;

    Patient(String key, String letter, boolean ghost) {
      this.key = key;
      this.letter = letter;
      this.ghost = ghost;
    }

    String key() {
      return key;
    }

    /** The letter, once nobody acknowledged it through its retransmissions. */
    String deadLetter() {
      if (!ghost && !deadLettered) {
        new Deliveries(operations, kafka).awaitState(letter, DeliveryState.DEAD_LETTER);
        deadLettered = true;
      }
      return letter;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperationRefusesOutsidersAndAuditsTheInvolved() {
    return PatientAccessSuite.<Patient>auditedIn(dataSource)
        .patients(this::newPatient)
        .ghosts(() -> new Patient(TestEvents.newPatientKey(), UUID.randomUUID().toString(), true))
        .identifiedBy(Patient::key)
        .involved(p -> GP.sor())
        .outsiders(OTHER_GP.sor(), GLADSAXE.sor())
        .endpoint(
            PatientEndpoint.<Patient>of(
                "GET",
                "/api/deliveries/{messageHeaderId}",
                (as, p) -> as.get().get("/api/deliveries/{id}", p.letter)))
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/api/deliveries",
                    (as, p) -> as.get().queryParam("patientKey", p.key()).get("/api/deliveries"),
                    (r, p) -> r.jsonPath().getList("messageHeaderId").contains(p.letter))
                .portalReadsOwnCitizen())
        .endpoint(
            PatientEndpoint.<Patient>list(
                "/api/deliveries/dead-letters",
                (as, p) -> {
                  p.deadLetter();
                  return as.get().queryParam("limit", 1000).get("/api/deliveries/dead-letters");
                },
                (r, p) -> r.jsonPath().getList("messageHeaderId").contains(p.letter)))
        .endpoint(
            PatientEndpoint.<Patient>of(
                    "POST",
                    "/api/deliveries/{messageHeaderId}/resend",
                    (as, p) -> as.get().post("/api/deliveries/{id}/resend", p.deadLetter()))
                .involved(p -> COORDINATOR)
                .notAuditedBecause("answers the letter's new delivery state, not its content"))
        .endpoint(
            PatientEndpoint.<Patient>list(
                    "/fhir/Communication",
                    (as, p) -> as.get().queryParam("patient", p.key()).get("/fhir/Communication"),
                    (r, p) -> {
                      List<String> ids = r.jsonPath().getList("entry.resource.id");
                      return ids != null && ids.contains(p.letter);
                    })
                .portalReadsOwnCitizen())
        .noPatientData(
            "GET /fhir/metadata",
            "the FHIR CapabilityStatement: what the base serves, public like any FHIR server's")
        .withParkedRecords()
        .withAuditTrail()
        .noPatientData("GET /api/deliveries/counts", "numbers of letters per state and recipient")
        .noPatientData(
            "GET /api/deliveries/unmatched-acks",
            "coordinators only: acknowledgement ids, code and sender GLN; no patient")
        .tests();
  }

  /** Responsibility moved from the GP to a hospital: a CareCommunication to the GP. */
  private Patient newPatient() {
    String key = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.responsibility(
            ResponsibilityEventType.RESPONSIBILITY_CHANGED, key, GP.sor(), HOSPITAL.sor()));
    String letter = new Deliveries(operations, kafka).awaitOne(key).messageHeaderId();
    return new Patient(key, letter, false);
  }
}
