package dk.stafet.referral.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.outbox.Outbox;
import dk.stafet.contracts.outbox.OutboxRelay;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of a service share one outbox. While one replica's relay is in the middle of a batch
 * holding a patient's earlier event, the other must not send that patient's later events ahead of
 * it: it waits for the batch to end, then sends everything in the order it was stored.
 */
@QuarkusTest
@TestProfile(OutboxCrashTests.RelayDown.class)
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class OutboxReplicasTests {

  private static final String TOPIC = "stafet.test.outbox-replicas";

  @Inject DataSource dataSource;

  @Inject Outbox outbox;

  @Inject OutboxRelay relay;

  @Test
  void aReplicaWaitsForTheOtherReplicasBatchAndSendsAPatientsEventsInOrder() throws Exception {
    String patient = "p-replicas-" + UUID.randomUUID();
    List<UUID> stored = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID eventId = UUID.randomUUID();
      stored.add(eventId);
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  outbox.add(
                      TOPIC, eventId, patient, "test.event", null, Map.of("n", stored.size())));
    }

    CompletableFuture<Integer> thisReplica;
    try (Connection otherReplica = dataSource.getConnection()) {
      // The other replica's relay, mid-batch: its lock, and the first event in its batch.
      otherReplica.setAutoCommit(false);
      try (PreparedStatement lock =
              otherReplica.prepareStatement("SELECT pg_advisory_xact_lock(?)");
          PreparedStatement holdFirst =
              otherReplica.prepareStatement(
                  "SELECT seq FROM outbox_event WHERE event_id = ? FOR UPDATE")) {
        lock.setLong(1, OutboxRelay.RELAY_LOCK);
        lock.execute();
        holdFirst.setObject(1, stored.get(0));
        holdFirst.executeQuery().close();
      }

      thisReplica = CompletableFuture.supplyAsync(relay::drainAll);
      Thread.sleep(1_500);
      assertThat(thisReplica).as("waits while the other replica sends").isNotDone();
      assertThat(published(stored)).as("nothing sent ahead of the held event").isZero();

      otherReplica.rollback(); // the other replica died mid-batch: its events are still unsent
    }

    assertThat(thisReplica.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(3);
    assertThat(published(stored)).isEqualTo(3);
    try (KafkaTestClient kafka = new KafkaTestClient(KafkaKraftResource.bootstrapServers())) {
      List<String> onTheTopic =
          kafka.readAll(TOPIC, Duration.ofSeconds(10)).stream()
              .filter(record -> patient.equals(record.key()))
              .map(OutboxReplicasTests::ceId)
              .toList();
      assertThat(onTheTopic)
          .containsExactlyElementsOf(stored.stream().map(UUID::toString).toList());
    }
  }

  private static String ceId(ConsumerRecord<String, String> record) {
    return KafkaTestClient.header(record, "ce_id").orElseThrow();
  }

  private int published(List<UUID> eventIds) throws Exception {
    int published = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?")) {
      for (UUID eventId : eventIds) {
        query.setObject(1, eventId);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          published += rows.getBoolean(1) ? 1 : 0;
        }
      }
    }
    return published;
  }
}
