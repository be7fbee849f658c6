package dk.stafet.responsibility.messaging;

import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.SPECIALIST_PSYCHIATRY;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.referral;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.responsibility.support.TestFacts;
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
 * The referral paths of issue 13 through the real broker and database, with the facts shaped exactly as
 * referral-service publishes them, answered by the point-in-time API (responsibility and who-to-call at an instant).
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ReferralPathsTests {

  private static final String DLQ = Topics.COURSE_EVENTS + ".responsibility-dlq";

  private static KafkaTestClient kafka;

  @Inject
  PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  /**
   * Issue 12: a referral without a waiting-time rule that is not a cancer referral (every referral to a practising
   * specialist in the demo traffic) went to the dead-letter topic with a NullPointerException, and so did nothing else
   * of that referral in the ledger.
   */
  @Test
  void referralWithoutWaitingTimeRuleIsAppliedNotDeadLettered() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    send(kafka, listedGp(key, cpr, dk("2025-05-01T09:00"), GP_AABYHOEJ));
    send(kafka, referral(CourseEventType.REFERRAL_RECEIVED, key, cpr, dk("2025-05-05T10:00"), "ref-npe",
        SPECIALIST_PSYCHIATRY, GP_AABYHOEJ, Map.of("cancer", "false", "conditionCode", "DF431")));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key)).isEqualTo(2));
    get(GP_AABYHOEJ, "/api/patients/" + key + "/responsibility?at=" + dk("2025-05-05T11:00")).statusCode(200)
        .body("holderSor", equalTo(GP_AABYHOEJ))
        .body("rule", equalTo("R17"))
        .body("courseKind", equalTo("REFERRAL"));
    assertThat(kafka.readAll(DLQ, Duration.ofSeconds(2))).noneMatch(r -> key.equals(r.key()));
  }
}
