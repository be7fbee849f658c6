package dk.stafet.contracts.outbox;

import dk.stafet.contracts.kafka.KafkaClientSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of every producer that must not lose or duplicate what it sends: the outbox relay,
 * and the replay of parked records (service-support). The broker acknowledges only what all in-sync
 * replicas have, the idempotent producer drops its own retries' duplicates, and a send gives up
 * within bounded time so the caller can record the failure and try again later. Connection and
 * security settings are SmallRye's own ({@link KafkaClientSettings}), so a TLS or SASL listener
 * configured once for the channels is used here too.
 */
public final class ReliableProducer {

  private ReliableProducer() {}

  /**
   * @param shared the {@code kafka.*} configuration of the channels (Quarkus's {@code
   *     default-kafka-broker} map)
   */
  public static Properties config(Map<String, ?> shared, String clientId) {
    return KafkaClientSettings.producer(
        shared,
        Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            ProducerConfig.CLIENT_ID_CONFIG,
            clientId));
  }
}
