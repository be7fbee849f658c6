package dk.stafet.contracts.outbox;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of every producer that must not lose or duplicate what it sends: the outbox relay, and the replay of
 * parked records (service-support). The broker acknowledges only what all in-sync replicas have, the idempotent
 * producer drops its own retries' duplicates, and a send gives up within bounded time so the caller can record the
 * failure and try again later.
 */
public final class ReliableProducer {

  private ReliableProducer() {
  }

  public static Properties config(String bootstrapServers, String clientId) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return config;
  }
}
