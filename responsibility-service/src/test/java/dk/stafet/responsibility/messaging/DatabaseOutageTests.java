package dk.stafet.responsibility.messaging;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.dk;
import static dk.stafet.responsibility.support.TestFacts.get;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.newCpr;
import static dk.stafet.responsibility.support.TestFacts.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.service.messaging.UntilStored;
import dk.stafet.testsupport.DatabaseOutage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's consumer waits out a database outage instead of dead-lettering the facts that arrive
 * meanwhile: a missed fact would leave a wrong patient-responsible doctor. The outage is real: the
 * service's own database is closed to connections and its sessions are terminated, then opened
 * again.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class DatabaseOutageTests {

  private static KafkaTestClient kafka;

  @Inject PatientPseudonym pseudonym;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void factsThatArriveWhileTheDatabaseIsAwayAreStoredWhenItIsBackInOrderAndNotDeadLettered()
      throws Exception {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    long waitsBefore = UntilStored.waits();

    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
      send(kafka, listedGp(key, cpr, dk("2025-06-02T09:00"), GP_AABYHOEJ));
      send(kafka, admitted(key, cpr, dk("2025-06-03T10:00"), "stay-outage", CARDIOLOGY));
      // The consumer has met the outage (and waits) before the database comes back.
      await().atMost(Duration.ofSeconds(30)).until(() -> UntilStored.waits() > waitsBefore);
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                get(
                        CARDIOLOGY,
                        "/api/patients/" + key + "/responsibility?at=" + dk("2025-06-03T12:00"))
                    .statusCode(200)
                    .body("rule", equalTo("R6")));
    assertThat(TestDb.count("SELECT count(*) FROM course_fact WHERE patient_key = ?1", key))
        .isEqualTo(2);
    assertThat(kafka.readAll("stafet.course-events.responsibility-dlq", Duration.ofSeconds(5)))
        .as("dead-lettered during the outage")
        .noneMatch(r -> key.equals(r.key()));
  }
}
