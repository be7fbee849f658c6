package dk.stafet.responsibility.messaging;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_RANDERS;
import static dk.stafet.responsibility.support.TestFacts.MUNICIPALITY;
import static dk.stafet.responsibility.support.TestFacts.OUT_OF_HOURS;
import static dk.stafet.responsibility.support.TestFacts.SPECIALIST_INTERNAL_MEDICINE;
import static dk.stafet.responsibility.support.TestFacts.SPECIALIST_PSYCHIATRY;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.discharged;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.noListedGp;
import static dk.stafet.responsibility.support.TestFacts.referral;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.Topics;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The referral paths of issue 13 through the real broker and database, with the facts shaped
 * exactly as referral-service publishes them, answered by the point-in-time API (responsibility and
 * who-to-call at an instant).
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ReferralPathsTests {

  private static final String DLQ = Topics.COURSE_EVENTS + ".responsibility-dlq";

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

  /**
   * Issue 12: a referral without a waiting-time rule that is not a cancer referral (every referral
   * to a practising specialist in the demo traffic) went to the dead-letter topic with a
   * NullPointerException, and so did nothing else of that referral in the ledger.
   */
  @Test
  void referralWithoutWaitingTimeRuleIsAppliedNotDeadLettered() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_RECEIVED,
            key,
            cpr,
            dk("2025-05-05T10:00"),
            "ref-npe",
            SPECIALIST_PSYCHIATRY,
            GP_AABYHOEJ,
            Map.of("cancer", "false", "conditionCode", "DF431")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TestDb.count(
                            "SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
                    .isEqualTo(2));
    get(GP_AABYHOEJ, "/api/patients/" + key + "/responsibility?at=" + dk("2025-05-05T11:00"))
        .statusCode(200)
        .body("holderSor", equalTo(GP_AABYHOEJ))
        .body("rule", equalTo("R17"))
        .body("courseKind", equalTo("REFERRAL"));
    assertThat(kafka.readAll(DLQ, Duration.ofSeconds(2))).noneMatch(r -> key.equals(r.key()));
  }

  /**
   * R17 → R19 → R9, and R22: the GP stays patient-responsible and is who to call in GP hours; from
   * the specialist's first contact the answer also names the specialist that treats (treatedBy) in
   * GP hours; out of hours the out-of-hours service treats and is called.
   */
  @Test
  void specialistTreatsInGpHoursWhileTheGpStaysResponsibleAndIsCalled() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    String ref = "ref-spec-" + key;
    Map<String, String> details = Map.of("cancer", "false", "conditionCode", "DE119");
    send(kafka, listedGp(key, cpr, dk("2025-06-02T09:00"), GP_AABYHOEJ));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_RECEIVED,
            key,
            cpr,
            dk("2025-06-02T10:00"),
            ref,
            SPECIALIST_INTERNAL_MEDICINE,
            GP_AABYHOEJ,
            details));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_ACCEPTED,
            key,
            cpr,
            dk("2025-06-03T10:00"),
            ref,
            SPECIALIST_INTERNAL_MEDICINE,
            GP_AABYHOEJ,
            details));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_STARTED,
            key,
            cpr,
            dk("2025-06-10T09:30"),
            ref, // a Tuesday
            SPECIALIST_INTERNAL_MEDICINE,
            GP_AABYHOEJ,
            details));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_ENDED,
            key,
            cpr,
            dk("2025-06-20T11:00"),
            ref,
            SPECIALIST_INTERNAL_MEDICINE,
            GP_AABYHOEJ,
            details));
    String patient = "/api/patients/" + key;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TestDb.count(
                            "SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
                    .isEqualTo(5));

    // Waiting for the specialist (R17): the GP's, and nobody else treats.
    get(GP_AABYHOEJ, patient + "/who-to-call?at=" + dk("2025-06-04T11:00"))
        .statusCode(200)
        .body("role", equalTo("GP"))
        .body("rule", equalTo("R17"))
        .body("treatmentSector", equalTo("GP"))
        .body("treatedBy", nullValue());
    // From the first contact, in GP hours: call the GP (PRD, R22); the specialist treats and is
    // named (R19).
    get(GP_AABYHOEJ, patient + "/who-to-call?at=" + dk("2025-06-10T09:30"))
        .statusCode(200)
        .body("role", equalTo("GP"))
        .body("organisation.sor", equalTo(GP_AABYHOEJ))
        .body("patientResponsibleDoctor.organisation.sor", equalTo(GP_AABYHOEJ))
        .body("treatmentSector", equalTo("SPECIALIST"))
        .body("treatedBy.organisation.sor", equalTo(SPECIALIST_INTERNAL_MEDICINE))
        .body("treatedBy.organisation.kind", equalTo("PRACTISING_SPECIALIST"))
        .body("treatedBy.contactPoint.phone", equalTo("86 40 50 60"))
        .body("validUntil", equalTo(dk("2025-06-10T16:00").toString()));
    get(GP_AABYHOEJ, patient + "/responsibility?at=" + dk("2025-06-12T13:00"))
        .statusCode(200)
        .body("holderSor", equalTo(GP_AABYHOEJ))
        .body("treatmentRule", equalTo("R19"))
        .body("treatmentSector", equalTo("SPECIALIST"))
        .body("treatingSor", equalTo(SPECIALIST_INTERNAL_MEDICINE));
    // Out of hours during the specialist course: the out-of-hours service treats and is called.
    get(GP_AABYHOEJ, patient + "/who-to-call?at=" + dk("2025-06-14T10:00"))
        .statusCode(200) // Saturday
        .body("role", equalTo("OUT_OF_HOURS_SERVICE"))
        .body("organisation.sor", equalTo(OUT_OF_HOURS))
        .body("treatmentSector", equalTo("OUT_OF_HOURS"))
        .body("treatedBy", nullValue());
    // The referral ended: back to the plain GP/OOH split (R9), the specialist no longer named.
    get(GP_AABYHOEJ, patient + "/who-to-call?at=" + dk("2025-06-20T11:00"))
        .statusCode(200)
        .body("role", equalTo("GP"))
        .body("rule", equalTo("R9"))
        .body("treatmentSector", equalTo("GP"))
        .body("treatedBy", nullValue());
  }

  /**
   * A forwarded referral as referral-service publishes it once the organisation it was forwarded to
   * continues it: the referrer's GP keeps PRD until that organisation's first contact (R17), which
   * makes it responsible (R18); the forwarding department never is.
   */
  @Test
  void forwardedReferralMakesTheNewReceiverResponsibleAtItsFirstContactNotBefore() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    String ref = "ref-fwd-" + key;
    Map<String, String> details = Map.of("cancer", "false", "waitingTimeRule", "W7");
    send(kafka, listedGp(key, cpr, dk("2025-09-01T09:00"), GP_AABYHOEJ));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_RECEIVED,
            key,
            cpr,
            dk("2025-09-01T10:00"),
            ref,
            CARDIOLOGY,
            GP_AABYHOEJ,
            details));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_FORWARDED,
            key,
            cpr,
            dk("2025-09-02T10:00"),
            ref,
            CARDIOLOGY,
            GP_AABYHOEJ,
            Map.of(
                "cancer",
                "false",
                "waitingTimeRule",
                "W7",
                "forwardedTo",
                MEDICAL_RANDERS,
                "reason",
                "kan udredes på regionshospitalet")));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_ACCEPTED,
            key,
            cpr,
            dk("2025-09-03T10:00"),
            ref,
            MEDICAL_RANDERS,
            GP_AABYHOEJ,
            Map.of("cancer", "false", "waitingTimeRule", "W7", "forwardedFrom", CARDIOLOGY)));
    send(
        kafka,
        referral(
            CourseEventType.REFERRAL_STARTED,
            key,
            cpr,
            dk("2025-09-09T10:00"),
            ref,
            MEDICAL_RANDERS,
            GP_AABYHOEJ,
            details));
    String patient = "/api/patients/" + key;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TestDb.count(
                            "SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
                    .isEqualTo(5));

    for (String before :
        new String[] {"2025-09-02T10:00", "2025-09-05T12:00", "2025-09-09T09:59:59"}) {
      get(GP_AABYHOEJ, patient + "/responsibility?at=" + dk(before))
          .statusCode(200)
          .body("holderSor", equalTo(GP_AABYHOEJ))
          .body("rule", equalTo("R17"));
    }
    get(MEDICAL_RANDERS, patient + "/responsibility?at=" + dk("2025-09-09T10:00"))
        .statusCode(200)
        .body("holderSor", equalTo(MEDICAL_RANDERS))
        .body("rule", equalTo("R18"))
        .body("treatmentSector", equalTo("HOSPITAL"))
        .body("courseKind", equalTo("REFERRAL"))
        .body("courseId", equalTo(ref));
    get(GP_AABYHOEJ, patient + "/who-to-call?at=" + dk("2025-09-13T03:00"))
        .statusCode(200)
        .body("role", equalTo("HOSPITAL_DEPARTMENT_24H"))
        .body("organisation.sor", equalTo(MEDICAL_RANDERS));
    get(GP_AABYHOEJ, patient + "/ledger")
        .statusCode(200)
        .body(
            "entries.findAll { it.current }.holderSor",
            equalTo(java.util.List.of(GP_AABYHOEJ, GP_AABYHOEJ, MEDICAL_RANDERS)))
        .body(
            "entries.findAll { it.current }.causedByEventType",
            equalTo(
                java.util.List.of(
                    "LISTED_GP_REGISTERED", "REFERRAL_RECEIVED", "REFERRAL_STARTED")));
  }

  /**
   * A patient registered without a listed GP (LISTED_GP_REGISTERED without organisation, as
   * referral-service's POST /api/patients/no-listed-gp publishes it): discharged, nobody to return
   * to — the department keeps responsibility with the no-receiver alarm (R26), visible in
   * who-to-call and in the coordinators' attention list.
   */
  @Test
  void dischargeWithoutListedGpRaisesNoReceiverVisibleInTheAttentionList() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    String stay = "stay-nogp-" + key;
    send(kafka, noListedGp(key, cpr, dk("2025-10-01T09:00"), MUNICIPALITY, null));
    send(kafka, admitted(key, cpr, dk("2025-10-06T10:00"), stay, CARDIOLOGY));
    send(kafka, discharged(key, cpr, dk("2025-10-08T10:00"), stay, CARDIOLOGY));
    String patient = "/api/patients/" + key;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TestDb.count(
                            "SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
                    .isEqualTo(3));

    // Before any course: nobody holds it, explicitly (gap), never a silent nobody.
    get(MUNICIPALITY, patient + "/who-to-call?at=" + dk("2025-10-02T10:00"))
        .statusCode(200)
        .body("role", equalTo("NOBODY"))
        .body("alarm", equalTo("gap"));
    get(CARDIOLOGY, patient + "/responsibility?at=" + dk("2025-10-07T10:00"))
        .statusCode(200)
        .body("holderSor", equalTo(CARDIOLOGY))
        .body("rule", equalTo("R6"));
    // After the discharge the department keeps it, alarmed.
    get(CARDIOLOGY, patient + "/who-to-call?at=" + dk("2025-10-09T14:00"))
        .statusCode(200)
        .body("role", equalTo("HOSPITAL_DEPARTMENT_24H"))
        .body("organisation.sor", equalTo(CARDIOLOGY))
        .body("rule", equalTo("R26"))
        .body("alarm", equalTo("no-receiver"));
    get(COORDINATOR, "/api/patients/attention?limit=1000")
        .statusCode(200)
        .body("find { it.patientKey == '" + key + "' }.alarm", equalTo("no-receiver"))
        .body("find { it.patientKey == '" + key + "' }.reasons", hasItem("no-receiver"))
        .body("find { it.patientKey == '" + key + "' }.holderSor", equalTo(CARDIOLOGY));
  }
}
