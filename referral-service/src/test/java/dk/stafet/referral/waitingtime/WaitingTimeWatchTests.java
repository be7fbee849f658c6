package dk.stafet.referral.waitingtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.referral.inbound.ReceivedMessage;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The waiting-time watch over the real broker and database: alerts go out once per referral and
 * kind through the outbox; the coordinators' list and the per-patient message list answer only
 * those allowed to see them.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class WaitingTimeWatchTests {

  /** The coordinator role comes from the token (TestTokens), not from configuration. */
  static final String COORDINATOR = TestTokens.COORDINATOR_SOR;

  /**
   * The patient advisor the tests configure (application.properties, %test); the schedule is off.
   */
  static final String PATIENT_ADVISOR = "999999000088001";

  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();
  static final String GP = sor(OrganisationKind.GP, 0);
  static final String OTHER_GP = sor(OrganisationKind.GP, 1);
  static final String DEPARTMENT = sor(OrganisationKind.HOSPITAL_DEPARTMENT, 0);
  static final String OTHER_DEPARTMENT = sor(OrganisationKind.HOSPITAL_DEPARTMENT, 1);
  static final String MUNICIPALITY = sor(OrganisationKind.MUNICIPALITY, 0);
  private static final AtomicInteger SERIAL =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(5000, 7000));

  private static KafkaTestClient kafka;

  @Inject WaitingTimeWatch watch;

  @Inject PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  // ---- the watch ----

  @Test
  void aPassedDeadlineIsPublishedAsExceededOnceNotAgainOnTheNextRun() {
    String cpr = newCpr();
    Instant received = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String id = receive(cpr, "W1", received);

    watch.check(Instant.now());
    ConsumerRecord<String, String> record =
        kafka.awaitRecord(
            Topics.COURSE_EVENTS,
            r -> id.equals(subject(r)) && r.value().contains("WAITING_TIME_EXCEEDED"),
            Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(record, "ce_type"))
        .contains("dk.stafet.course.waiting-time-exceeded");
    assertThat(record.key()).isEqualTo(pseudonym.of(cpr));
    CourseEvent event = EventJson.read(record.value(), CourseEvent.class);
    LocalDate lastDay = received.atZone(WaitingTimeRules.ZONE).toLocalDate().plusDays(14);
    assertThat(event.type()).isEqualTo(CourseEventType.WAITING_TIME_EXCEEDED);
    assertThat(event.courseId()).isEqualTo(id);
    assertThat(event.counterpartSor()).as("the receiving department").isEqualTo(DEPARTMENT);
    assertThat(event.organisationSor()).as("the patient advisor").isEqualTo(PATIENT_ADVISOR);
    assertThat(event.occurredAt())
        .isEqualTo(lastDay.plusDays(1).atStartOfDay(WaitingTimeRules.ZONE).toInstant());
    assertThat(event.details())
        .containsEntry("waitingTimeRule", "W1")
        .containsEntry("deadline", lastDay.toString())
        .containsEntry(
            "daysOver",
            Long.toString(ChronoUnit.DAYS.between(lastDay, LocalDate.now(WaitingTimeRules.ZONE))))
        .containsEntry("escalateTo", "PATIENT_ADVISOR")
        .containsEntry("patientAdvisorSor", PATIENT_ADVISOR)
        .containsKey("ruleSource")
        .doesNotContainKey("daysLeft");

    // Another run, even much later: nothing new for this referral.
    watch.check(Instant.now());
    watch.check(Instant.now().plus(5, ChronoUnit.DAYS));
    assertThat(alertsOf(id))
        .extracting(a -> a.kind)
        .containsExactly(WaitingTimeAlert.Kind.EXCEEDED);

    // A later fact of the same referral marks the end: the relay sends in commit order.
    post(
            DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of("decision", "REJECTED", "reason", "not indicated"))
        .statusCode(200);
    kafka.awaitRecord(
        Topics.COURSE_EVENTS,
        r -> id.equals(subject(r)) && r.value().contains("REFERRAL_REJECTED"),
        Duration.ofSeconds(30));
    List<String> types =
        kafka.readAll(Topics.COURSE_EVENTS, Duration.ofSeconds(10)).stream()
            .filter(r -> id.equals(subject(r)))
            .map(r -> KafkaTestClient.header(r, "ce_type").orElseThrow())
            .toList();
    assertThat(types)
        .containsExactly(
            "dk.stafet.course.referral-received",
            "dk.stafet.course.waiting-time-exceeded",
            "dk.stafet.course.referral-rejected");
  }

  @Test
  void aWarningGoesOutOnceBeforeTheDeadlineAndTheBreachLater() {
    String cpr = newCpr();
    Instant received = Instant.now().minus(12, ChronoUnit.DAYS);
    String id = receive(cpr, "W1", received);
    LocalDate lastDay = received.atZone(WaitingTimeRules.ZONE).toLocalDate().plusDays(14);

    watch.check(Instant.now());
    watch.check(Instant.now());
    ConsumerRecord<String, String> record =
        kafka.awaitRecord(
            Topics.COURSE_EVENTS,
            r -> id.equals(subject(r)) && r.value().contains("WAITING_TIME_WARNING"),
            Duration.ofSeconds(30));
    CourseEvent warning = EventJson.read(record.value(), CourseEvent.class);
    assertThat(warning.counterpartSor()).isEqualTo(DEPARTMENT);
    assertThat(warning.details())
        .containsEntry("waitingTimeRule", "W1")
        .containsEntry("deadline", lastDay.toString())
        .containsEntry(
            "daysLeft",
            Long.toString(ChronoUnit.DAYS.between(LocalDate.now(WaitingTimeRules.ZONE), lastDay)))
        .containsEntry("escalateTo", "DEPARTMENT_AND_COORDINATOR");
    assertThat(alertsOf(id)).extracting(a -> a.kind).containsExactly(WaitingTimeAlert.Kind.WARNING);

    // Accepted is not started: W1 still waits, and a run after the deadline reports the breach. A
    // referral started
    // in time is no longer watched: the same run raises nothing for it.
    post(DEPARTMENT, "/api/referrals/" + id + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200);
    String started = receive(newCpr(), "W1", received);
    post(DEPARTMENT, "/api/referrals/" + started + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200);
    post(DEPARTMENT, "/api/referrals/" + started + "/start", Map.of()).statusCode(200);
    watch.check(Instant.now().plus(4, ChronoUnit.DAYS));
    assertThat(alertsOf(id))
        .extracting(a -> a.kind)
        .containsExactly(WaitingTimeAlert.Kind.WARNING, WaitingTimeAlert.Kind.EXCEEDED);
    assertThat(alertsOf(started)).as("met before any check").isEmpty();
  }

  // ---- GET /api/referrals/waiting-times ----

  @Test
  void coordinatorsSeeOpenReferralsWithDeadlineDaysLeftAndStatus() {
    Instant now = Instant.now();
    String exceeded = receive(newCpr(), "W1", now.minus(20, ChronoUnit.DAYS));
    String warning = receive(newCpr(), "W1", now.minus(12, ChronoUnit.DAYS));
    String onTrack = receive(newCpr(), "W4", now.minus(1, ChronoUnit.DAYS));
    String pending = receive(newCpr(), "W3", now.minus(1, ChronoUnit.DAYS));
    String met = receive(newCpr(), "W2", now.minus(2, ChronoUnit.DAYS));
    post(DEPARTMENT, "/api/referrals/" + met + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200);

    get(COORDINATOR, "/api/referrals/waiting-times")
        .statusCode(200)
        .body("id", hasItem(exceeded))
        .body("id", hasItem(warning))
        .body("id", hasItem(onTrack))
        .body("id", hasItem(pending))
        .body("id", not(hasItem(met)))
        .body("find { it.id == '" + exceeded + "' }.status", equalTo("EXCEEDED"))
        .body("find { it.id == '" + exceeded + "' }.waitingTimeRule", equalTo("W1"))
        .body("find { it.id == '" + exceeded + "' }.receiverSor", equalTo(DEPARTMENT))
        .body("find { it.id == '" + exceeded + "' }.daysLeft", equalTo(-6))
        .body("find { it.id == '" + warning + "' }.status", equalTo("WARNING"))
        .body("find { it.id == '" + warning + "' }.daysLeft", equalTo(2))
        .body("find { it.id == '" + warning + "' }.limitDays", equalTo(14))
        .body("find { it.id == '" + warning + "' }.limitUnit", equalTo("CALENDAR_DAYS"))
        .body("find { it.id == '" + warning + "' }.limitStart", equalTo("RECEIVED"))
        .body(
            "find { it.id == '" + warning + "' }.deadline",
            equalTo(
                now.minus(12, ChronoUnit.DAYS)
                    .atZone(WaitingTimeRules.ZONE)
                    .toLocalDate()
                    .plusDays(14)
                    .toString()))
        .body("find { it.id == '" + onTrack + "' }.status", equalTo("ON_TRACK"))
        .body("find { it.id == '" + onTrack + "' }.daysLeft", equalTo(27))
        .body("find { it.id == '" + pending + "' }.status", equalTo("PENDING"))
        .body("find { it.id == '" + pending + "' }.deadline", equalTo(null));
    get(COORDINATOR, "/api/referrals/waiting-times?status=warning")
        .statusCode(200)
        .body("id", hasItem(warning))
        .body("id", not(hasItem(exceeded)))
        .body("id", not(hasItem(onTrack)))
        .body("status", not(hasItem("EXCEEDED")));
    get(COORDINATOR, "/api/referrals/waiting-times?status=exceeded")
        .statusCode(200)
        .body("id", hasItem(exceeded))
        .body("id", not(hasItem(warning)))
        .body("status", not(hasItem("WARNING")));
    get(COORDINATOR, "/api/referrals/waiting-times?status=all")
        .statusCode(200)
        .body("id", hasItem(pending));

    String exceededPatient =
        get(COORDINATOR, "/api/referrals/waiting-times?status=exceeded")
            .extract()
            .path("find { it.id == '" + exceeded + "' }.patientKey");
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("patientKey", exceededPatient)))
        .extracting(e -> e.action)
        .contains("READ_WAITING_TIMES");
  }

  @Test
  void theReferralItselfCarriesItsDeadlineAndCoordinatorsGetCountsForTheKpiPanel() {
    Instant now = Instant.now();
    String cpr = newCpr();
    String exceeded = receive(cpr, "W1", now.minus(20, ChronoUnit.DAYS));
    String summaryBefore =
        get(COORDINATOR, "/api/referrals/waiting-times/summary")
            .statusCode(200)
            .extract()
            .asString();
    long exceededBefore =
        ((Number) io.restassured.path.json.JsonPath.from(summaryBefore).get("exceeded"))
            .longValue();

    // The same assessment on the referral (lookup and by id) as on the coordinators' list.
    post(GP, "/api/patients/lookup", Map.of("cpr", cpr))
        .statusCode(200)
        .body("referrals[0].waitingTime.status", equalTo("EXCEEDED"))
        .body("referrals[0].waitingTime.daysLeft", equalTo(-6))
        .body("referrals[0].waitingTime.awaiting", equalTo("first examination day"))
        .body(
            "referrals[0].waitingTime.deadline",
            equalTo(
                now.minus(20, ChronoUnit.DAYS)
                    .atZone(WaitingTimeRules.ZONE)
                    .toLocalDate()
                    .plusDays(14)
                    .toString()));
    get(DEPARTMENT, "/api/referrals/" + exceeded)
        .statusCode(200)
        .body("waitingTime.status", equalTo("EXCEEDED"));
    // Once the awaited step happened, there is nothing left to watch: no deadline on the referral.
    post(DEPARTMENT, "/api/referrals/" + exceeded + "/visitation", Map.of("decision", "ACCEPTED"))
        .statusCode(200);
    post(DEPARTMENT, "/api/referrals/" + exceeded + "/start", Map.of()).statusCode(200);
    get(DEPARTMENT, "/api/referrals/" + exceeded)
        .statusCode(200)
        .body("waitingTime", equalTo(null));

    get(COORDINATOR, "/api/referrals/waiting-times/summary")
        .statusCode(200)
        .body("exceeded", equalTo((int) exceededBefore - 1))
        .body("open", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    get(DEPARTMENT, "/api/referrals/waiting-times/summary").statusCode(403);
  }

  @Test
  void theWaitingTimeListIsForCoordinatorsOnly() {
    get(DEPARTMENT, "/api/referrals/waiting-times")
        .statusCode(403)
        .contentType("application/problem+json");
    get(null, "/api/referrals/waiting-times").statusCode(401);
    get(COORDINATOR, "/api/referrals/waiting-times?status=soon")
        .statusCode(400)
        .contentType("application/problem+json");
  }

  // ---- GET /api/patients/{patientKey}/messages ----

  @Test
  void involvedOrganisationsSeeTheirMessagesOfThePatientAndNeverTheContent() {
    String cpr = newCpr();
    String patientKey = pseudonym.of(cpr);
    receive(cpr, "W1", Instant.now().minus(1, ChronoUnit.DAYS)); // GP → DEPARTMENT: both involved
    post(
            TestTokens.NATIONAL_REGISTER_SOR,
            "/api/patients/listed-gp",
            Map.of("cpr", cpr, "gpSor", OTHER_GP))
        .statusCode(200);
    String fromDepartment = message(patientKey, DEPARTMENT, "999999000016001", "ok");
    String fromElsewhere = message(patientKey, OTHER_DEPARTMENT, "999999000016001", "fatal-error");

    get(OTHER_GP, "/api/patients/" + patientKey + "/messages")
        .statusCode(200)
        .body("messageHeaderId", hasItem(fromDepartment))
        .body("messageHeaderId", hasItem(fromElsewhere))
        .body(
            "find { it.messageHeaderId == '" + fromElsewhere + "' }.ackCode",
            equalTo("fatal-error"))
        .body(
            "find { it.messageHeaderId == '" + fromElsewhere + "' }.messageType",
            equalTo("HospitalNotification"))
        .body(
            "find { it.messageHeaderId == '" + fromElsewhere + "' }.senderSor",
            equalTo(OTHER_DEPARTMENT))
        .body(
            "find { it.messageHeaderId == '" + fromElsewhere + "' }.receivedAt",
            org.hamcrest.Matchers.notNullValue());
    String departmentView =
        get(DEPARTMENT, "/api/patients/" + patientKey + "/messages")
            .statusCode(200)
            .body("messageHeaderId", hasItem(fromDepartment))
            .body("messageHeaderId", not(hasItem(fromElsewhere)))
            .extract()
            .asString();
    assertThat(departmentView)
        .doesNotContain("RAW-CONTENT")
        .doesNotContain("rawBundle")
        .doesNotContain("ackBundle")
        .doesNotContain(cpr);
    // The referrer is involved (its referral) but sent and received none of the messages.
    get(GP, "/api/patients/" + patientKey + "/messages").statusCode(200).body("size()", equalTo(0));
    // A sender of a message is involved through it.
    get(OTHER_DEPARTMENT, "/api/patients/" + patientKey + "/messages")
        .statusCode(200)
        .body("messageHeaderId", equalTo(List.of(fromElsewhere)));
    // Not involved: as if the patient did not exist; and the refusal is audited.
    get(MUNICIPALITY, "/api/patients/" + patientKey + "/messages").statusCode(404);
    get(MUNICIPALITY, "/api/patients/unknown-key/messages").statusCode(404);
    get(null, "/api/patients/" + patientKey + "/messages").statusCode(401);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("patientKey", patientKey)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.outcome)
        .contains(MUNICIPALITY + " READ_MESSAGES DENIED", DEPARTMENT + " READ_MESSAGES GRANTED");
  }

  // ---- helpers ----

  private String receive(String cpr, String rule, Instant receivedAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("cpr", cpr);
    body.put("referrerSor", GP);
    body.put("receiverSor", DEPARTMENT);
    body.put("cancer", !HEART_RULES.contains(rule));
    body.put("conditionCode", "DC50");
    body.put("waitingTimeRule", rule);
    body.put("occurredAt", receivedAt.toString());
    return post(DEPARTMENT, "/api/referrals", body).statusCode(201).extract().path("id");
  }

  private static final List<String> HEART_RULES = List.of("W6", "W7", "W8");

  private static String message(
      String patientKey, String senderSor, String receiverSor, String ackCode) {
    String headerId = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ReceivedMessage m = new ReceivedMessage();
              m.id = UUID.randomUUID();
              m.messageHeaderId = headerId;
              m.firstBundleId = UUID.randomUUID().toString();
              m.messageType = "HospitalNotification";
              m.channel = "HTTP";
              m.senderSor = senderSor;
              m.senderGln = "5790000000001";
              m.receiverSor = receiverSor;
              m.receiverGln = "5790000000005";
              m.patientKey = patientKey;
              m.contentType = "application/fhir+json";
              m.rawBundle = "{\"RAW-CONTENT\": true}";
              m.outcome =
                  "ok".equals(ackCode)
                      ? ReceivedMessage.Outcome.ACCEPTED
                      : ReceivedMessage.Outcome.REJECTED;
              m.ackCode = ackCode;
              m.ackBundle = "{\"RAW-CONTENT\": \"ack\"}";
              m.receivedAt = Instant.now();
              m.lastReceivedAt = m.receivedAt;
              m.timesReceived = 1;
              m.persist();
            });
    return headerId;
  }

  private static List<WaitingTimeAlert> alertsOf(String referralId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> WaitingTimeAlert.ofReferral(UUID.fromString(referralId)));
  }

  private static String subject(ConsumerRecord<String, String> record) {
    return KafkaTestClient.header(record, "ce_subject").orElse(null);
  }

  private static String sor(OrganisationKind kind, int index) {
    return REGISTRY.ofKind(kind).get(index).sor();
  }

  /** A well-formed CPR number no other test in this JVM uses. */
  private static String newCpr() {
    int year = 70 + ThreadLocalRandom.current().nextInt(30);
    int day = 1 + ThreadLocalRandom.current().nextInt(28);
    return String.format("%02d02%02d%04d", day, year, SERIAL.incrementAndGet());
  }

  private static ValidatableResponse post(String caller, String path, Object body) {
    var request = given().contentType(ContentType.JSON);
    if (caller != null) {
      request = request.auth().oauth2(TestTokens.forOrganisation(caller));
    }
    return request.body(body).when().post(path).then();
  }

  private static ValidatableResponse get(String caller, String path) {
    var request = given();
    if (caller != null) {
      request = request.auth().oauth2(TestTokens.forOrganisation(caller));
    }
    return request.when().get(path).then();
  }
}
