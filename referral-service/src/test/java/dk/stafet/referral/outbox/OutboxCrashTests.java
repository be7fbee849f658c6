package dk.stafet.referral.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.outbox.OutboxRelay;
import dk.stafet.referral.inbound.MedcomExamples;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Breaks the path between the database commit and the Kafka send: the relay is off (as if the
 * service died right after committing), so the event waits in the outbox; a relay that starts later
 * (as after a restart) sends it, exactly once. Sending it again after a crash between send and mark
 * is what consumers' idempotency absorbs.
 */
@QuarkusTest
@TestProfile(OutboxCrashTests.RelayDown.class)
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class OutboxCrashTests {

  /** The service as it is between a commit and a send that never happened. */
  public static class RelayDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("stafet.outbox.relay.enabled", "false");
    }
  }

  @Inject DataSource dataSource;

  @Inject OutboxRelay relay;

  @Test
  void anEventCommittedButNotSentArrivesExactlyOnceAfterRestart() throws Exception {
    String body = MedcomExamples.read(MedcomExamples.hospitalNotification("STAA_D"));
    String letterId =
        new MedcomMessage(new MedcomCodec().parse(body, "application/fhir+json")).messageHeaderId();
    given()
        .auth()
        .oauth2(dk.stafet.referral.inbound.MedcomSenders.tokenOf(body))
        .contentType("application/fhir+json; charset=UTF-8")
        .body(body)
        .when()
        .post("/fhir/$process-message")
        .then()
        .statusCode(200);
    UUID eventId = committedEventCausedBy(letterId);
    assertThat(publishedAt(eventId)).as("not sent while the relay is down").isNull();

    try (KafkaTestClient kafka = new KafkaTestClient(KafkaKraftResource.bootstrapServers())) {
      assertThat(kafka.readAll(Topics.COURSE_EVENTS, Duration.ofSeconds(2)))
          .noneMatch(
              record ->
                  KafkaTestClient.header(record, "ce_id").orElse("").equals(eventId.toString()));

      int sent = relay.drainAll(); // the relay of the restarted service
      int sentAgain = relay.drainAll();

      assertThat(sent).isGreaterThanOrEqualTo(1);
      assertThat(sentAgain).isZero();
      assertThat(publishedAt(eventId)).isNotNull();
      var copies =
          kafka.readAll(Topics.COURSE_EVENTS, Duration.ofSeconds(10)).stream()
              .filter(
                  record ->
                      KafkaTestClient.header(record, "ce_id").orElse("").equals(eventId.toString()))
              .toList();
      assertThat(copies).hasSize(1);
      ConsumerRecord<String, String> record = copies.get(0);
      assertThat(record.key()).startsWith("p-");
      assertThat(record.value()).contains(letterId);
    }
  }

  private UUID committedEventCausedBy(String letterId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT event_id FROM outbox_event WHERE topic = ? AND payload LIKE ? ORDER BY seq LIMIT 1")) {
      query.setString(1, Topics.COURSE_EVENTS);
      query.setString(2, "%" + letterId + "%");
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("an outbox event caused by the letter").isTrue();
        return rows.getObject(1, UUID.class);
      }
    }
  }

  private java.sql.Timestamp publishedAt(UUID eventId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT published_at FROM outbox_event WHERE event_id = ?")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getTimestamp(1);
      }
    }
  }
}
