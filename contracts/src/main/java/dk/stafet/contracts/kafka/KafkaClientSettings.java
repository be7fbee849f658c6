package dk.stafet.contracts.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings for the Kafka clients Stafet builds itself (the outbox relay's producer, the recipient
 * simulator), taken from the same {@code kafka.*} configuration that SmallRye's channels use:
 * Quarkus exposes it as the {@code @Identifier("default-kafka-broker") Map<String, Object>} bean,
 * the prefix stripped ({@code kafka.security.protocol} and {@code KAFKA_SECURITY_PROTOCOL} both
 * become {@code security.protocol}). So a TLS or SASL listener configured once for the channels is
 * used by every client, and no client can quietly talk PLAINTEXT to a secured broker.
 *
 * <p>Only the settings the client kind knows are passed on (the shared map also holds consumer-only
 * keys such as {@code group.id}); the caller's own settings (acknowledgements, idempotence, client
 * id) win over the shared ones.
 */
public final class KafkaClientSettings {

  private KafkaClientSettings() {}

  /** Producer settings: the shared connection and security settings, then {@code own} on top. */
  public static Properties producer(Map<String, ?> shared, Map<String, ?> own) {
    return merge(shared, own, ProducerConfig.configNames());
  }

  /** Consumer settings: the shared connection and security settings, then {@code own} on top. */
  public static Properties consumer(Map<String, ?> shared, Map<String, ?> own) {
    return merge(shared, own, ConsumerConfig.configNames());
  }

  private static Properties merge(Map<String, ?> shared, Map<String, ?> own, Set<String> known) {
    Map<String, Object> merged = new HashMap<>();
    shared.forEach(
        (key, value) -> {
          if (known.contains(key) && value != null && !value.toString().isEmpty()) {
            merged.put(key, value);
          }
        });
    merged.putAll(own);
    if (!merged.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalStateException(
          "kafka.bootstrap.servers is not set (KAFKA_BOOTSTRAP_SERVERS)");
    }
    Properties properties = new Properties();
    properties.putAll(merged);
    return properties;
  }
}
