package dk.stafet.responsibility.parked;

import static dk.stafet.responsibility.support.TestFacts.COORDINATOR;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.post;
import static dk.stafet.responsibility.support.TestFacts.send;
import static dk.stafet.responsibility.support.TestFacts.sendTogether;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing parked unseen, against the real broker and PostgreSQL: a course fact the ledger cannot
 * apply goes to the dead-letter topic (SmallRye's failure strategy), is read back into
 * parked_record, shown to coordinators only (403 for others, 404 for an unknown id), counted in
 * stafet_parked_records and reported in /q/health; once the cause is removed, a replay re-publishes
 * it to stafet.course-events and the ledger applies it exactly once.
 *
 * <p>The cause is a real one the consumer cannot wait out: a database trigger that refuses the
 * patient's facts with a data error (SQLSTATE P0001), as a constraint or a bug in the rules would,
 * quoting a CPR number in its message so the masking is proven too. Removing the cause = deleting
 * the patient from the refusal list.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ParkedRecordsTests {

  private static final String PARKED_TOPIC = Topics.COURSE_EVENTS;
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

  @BeforeEach
  void installRefusal() {
    sql(
        "CREATE TABLE IF NOT EXISTS test_refused_patient (patient_key TEXT PRIMARY KEY, cpr TEXT NOT NULL)");
    sql(
        """
        CREATE OR REPLACE FUNCTION test_refuse_fact() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE refused_cpr TEXT;
        BEGIN
          SELECT cpr INTO refused_cpr FROM test_refused_patient WHERE patient_key = NEW.patient_key;
          IF FOUND THEN
            RAISE EXCEPTION 'fact refused for patient %', refused_cpr;
          END IF;
          RETURN NEW;
        END $$""");
    sql("DROP TRIGGER IF EXISTS test_refuse_fact ON course_fact");
    sql(
        "CREATE TRIGGER test_refuse_fact BEFORE INSERT ON course_fact FOR EACH ROW EXECUTE FUNCTION test_refuse_fact()");
  }

  @AfterEach
  void removeRefusal() {
    sql("DROP TRIGGER IF EXISTS test_refuse_fact ON course_fact");
  }

  @Test
  void unappliableFactIsParkedShownCountedAndReplayedExactlyOnce() {
    double parkedBefore = parkedGauge();
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    refuse(key, cpr);
    CourseEvent fact = listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ);
    send(kafka, fact);

    // Parked and shown to coordinators: event type, pseudonym, original topic, the error masked.
    JsonPath row =
        await().atMost(Duration.ofSeconds(60)).until(() -> parkedRowFor(key), r -> r != null);
    long id = row.getLong("id");
    assertThat(row.getString("state")).isEqualTo("PARKED");
    assertThat(row.getString("eventType")).isEqualTo(fact.type().cloudEventType());
    assertThat(row.getString("messageId")).isEqualTo(fact.eventId().toString());
    assertThat(row.getString("sourceTopic")).isEqualTo(PARKED_TOPIC);
    assertThat(row.getString("deadLetterTopic"))
        .isEqualTo("stafet.course-events.responsibility-dlq");
    assertThat(row.getInt("attempts")).isEqualTo(1);
    assertThat(row.getString("errorClass")).isNotBlank();
    assertThat(String.valueOf(row.getString("errorMessage"))).doesNotContain(cpr);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM parked_record WHERE patient_key = ?1 AND (error_message LIKE ?2"
                    + " OR record_headers LIKE ?2)",
                key,
                "%" + cpr + "%"))
        .isZero();
    assertThat(TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
        .isZero();

    // Inspect: headers, never the payload; and no CPR number anywhere in the answer.
    String detail =
        get(COORDINATOR, "/api/parked/" + id)
            .statusCode(200)
            .body("record.id", equalTo((int) id))
            .body("headers.ce_id", equalTo(fact.eventId().toString()))
            .extract()
            .asString();
    assertThat(detail).doesNotContain(cpr).doesNotContain("\"payload\"");
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE caller_sor = ?1 AND action = ?2 AND patient_key = ?3"
                    + " AND outcome = 'GRANTED'",
                COORDINATOR,
                "READ_AS_COORDINATOR:parked-records",
                key))
        .isGreaterThanOrEqualTo(2);

    // Coordinators only; unknown ids are 404; a refusal is audited.
    get(GP_AABYHOEJ, "/api/parked").statusCode(403).body("code", equalTo("COORDINATORS_ONLY"));
    get(GP_AABYHOEJ, "/api/parked/" + id).statusCode(403);
    post(GP_AABYHOEJ, "/api/parked/" + id + "/replay", Map.of()).statusCode(403);
    given().when().get("/api/parked").then().statusCode(401);
    get(COORDINATOR, "/api/parked/987654321")
        .statusCode(404)
        .body("code", equalTo("PARKED_RECORD_NOT_FOUND"));
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE caller_sor = ?1 AND action = ?2 AND outcome = 'DENIED'",
                GP_AABYHOEJ,
                "READ_AS_COORDINATOR:parked-records"))
        .isGreaterThanOrEqualTo(3);

    // Counted per topic and reported (not DOWN) by the health check.
    await().atMost(Duration.ofSeconds(10)).until(() -> parkedGauge() == parkedBefore + 1);
    given()
        .when()
        .get("/q/health")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'parked-records' }.status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'parked-records' }.data.parked",
            equalTo((int) (parkedBefore + 1)));

    // The cause removed, a replay applies it exactly once and settles the row and the metric.
    forgive(key);
    post(COORDINATOR, "/api/parked/" + id + "/replay", Map.of())
        .statusCode(200)
        .body("state", equalTo("REPLAYED"))
        .body("resolvedBy", equalTo(COORDINATOR));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key) == 1);
    assertThat(parkedGauge()).isEqualTo(parkedBefore);
    post(COORDINATOR, "/api/parked/" + id + "/replay", Map.of())
        .statusCode(409)
        .body("code", equalTo("NOT_PARKED"));

    // A second replay of the same record (as after a crash between send and commit) has no second
    // effect.
    send(kafka, fact);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key) == 1);
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM processed_message WHERE message_id = ?1",
                fact.eventId().toString()))
        .isEqualTo(1);
    assertThat(TestDb.count("SELECT count(*) FROM parked_record WHERE patient_key = ?1", key))
        .isEqualTo(1);
  }

  @Test
  void replayThatFailsAgainIsParkedAgainVisiblyAndDismissalNeedsAReason() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    refuse(key, cpr);
    send(kafka, listedGp(key, cpr, dk("2025-06-01T09:00"), GP_AABYHOEJ));
    long first =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> parkedRowFor(key), r -> r != null)
            .getLong("id");

    // Replayed while the cause is still there: parked again as a new row, one attempt more,
    // pointing at the first.
    post(COORDINATOR, "/api/parked/" + first + "/replay", Map.of())
        .statusCode(200)
        .body("state", equalTo("REPLAYED"));
    JsonPath again =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> parkedRowFor(key), r -> r != null && r.getLong("id") != first);
    assertThat(again.getInt("attempts")).isEqualTo(2);
    assertThat(again.getLong("replayOf")).isEqualTo(first);

    post(COORDINATOR, "/api/parked/" + again.getLong("id") + "/dismiss", Map.of("reason", " "))
        .statusCode(422);
    post(
            COORDINATOR,
            "/api/parked/" + again.getLong("id") + "/dismiss",
            Map.of("reason", "duplicate of a fact entered by hand"))
        .statusCode(200)
        .body("state", equalTo("DISMISSED"))
        .body("dismissReason", equalTo("duplicate of a fact entered by hand"));
    assertThat(
            TestDb.count(
                "SELECT count(*) FROM audit_entry WHERE action = 'DISMISS_PARKED_RECORD' AND patient_key = ?1",
                key))
        .isEqualTo(1);
    get(COORDINATOR, "/api/parked?state=nonsense").statusCode(400);
  }

  /**
   * The channel is batched (PollBatches): a poll's facts are applied in one transaction. A burst
   * with one fact the ledger refuses in the middle of a poll rolls that batch back, and its records
   * are handled one by one: only the refused fact is parked, every other is applied exactly once.
   * The burst is published as one batch on the log, so the consumer's poll gets it whole.
   */
  @Test
  void aBurstWithOneRefusedFactParksThatFactAloneAndAppliesEveryOtherOnce() {
    double splitBefore = metric("stafet_kafka_poll_batches_split_total");
    List<String> keys = new java.util.ArrayList<>();
    List<CourseEvent> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String cpr = newCpr();
      String key = pseudonym.of(cpr);
      keys.add(key);
      burst.add(listedGp(key, cpr, dk("2025-07-01T09:00"), GP_AABYHOEJ));
    }
    String refusedKey = keys.get(15);
    refuse(refusedKey, burst.get(15).cpr());

    sendTogether(kafka, burst);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> parkedRowFor(refusedKey) != null && appliedFacts(keys) == keys.size() - 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> appliedFacts(keys) == keys.size() - 1);
    for (String key : keys) {
      long expected = key.equals(refusedKey) ? 0 : 1;
      assertThat(TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
          .as("facts of one patient of the burst")
          .isEqualTo(expected);
      assertThat(TestDb.count("SELECT count(*) FROM parked_record WHERE patient_key = ?1", key))
          .as("parked records of one patient of the burst")
          .isEqualTo(1 - expected);
    }
    // The burst came as a poll of more than one record, which was split once.
    assertThat(metric("stafet_kafka_poll_records_max")).isGreaterThan(1);
    assertThat(metric("stafet_kafka_poll_batches_split_total")).isEqualTo(splitBefore + 1);
    forgive(refusedKey);
  }

  private static long appliedFacts(List<String> keys) {
    return TestDb.count(
        "SELECT count(*) FROM course_fact WHERE patient_key = ANY(string_to_array(?1, ','))",
        String.join(",", keys));
  }

  /** The course-events channel's value of a metric from /q/metrics (0 when not there yet). */
  private static double metric(String name) {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{[^}]*channel=\"course-events\"[^}]*\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** The newest PARKED row for the patient, as the coordinators' list shows it, or null. */
  private static JsonPath parkedRowFor(String key) {
    List<Map<String, Object>> rows =
        get(COORDINATOR, "/api/parked?state=PARKED")
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.patientKey == '" + key + "' }");
    return rows.isEmpty()
        ? null
        : JsonPath.from(
            new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(rows.get(0)).toString());
  }

  /**
   * stafet_parked_records{state="PARKED",topic="stafet.course-events"} from /q/metrics (0 when not
   * there yet).
   */
  private static double parkedGauge() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile("^stafet_parked_records\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    double sum = 0;
    while (m.find()) {
      if (m.group(1).contains("state=\"PARKED\"")
          && m.group(1).contains("topic=\"" + PARKED_TOPIC + "\"")) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }

  private static void refuse(String key, String cpr) {
    sql(
        "INSERT INTO test_refused_patient (patient_key, cpr) VALUES ('"
            + key
            + "', '"
            + cpr
            + "')");
  }

  private static void forgive(String key) {
    sql("DELETE FROM test_refused_patient WHERE patient_key = '" + key + "'");
  }

  private static void sql(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> Panache.getEntityManager().createNativeQuery(statement).executeUpdate());
  }
}
