package dk.stafet.service.parked;

import dk.stafet.contracts.outbox.ReliableProducer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a parked record back to its original topic, byte for byte, with the settings of the outbox
 * relay ({@link ReliableProducer}: acks=all, idempotent producer): the consumers deduplicate on the
 * message id, so a replay that is sent twice still has one effect. Created on first use: a service
 * that never replays never opens a producer.
 */
@ApplicationScoped
public class ReplayPublisher {

  private final Map<String, Object> kafkaConfig;
  private final String serviceName;
  private volatile KafkaProducer<byte[], byte[]> producer;

  public ReplayPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "quarkus.application.name") String serviceName) {
    this.kafkaConfig = kafkaConfig;
    this.serviceName = serviceName;
  }

  /**
   * Sends and waits for the broker's acknowledgement. @throws ReplayFailedException when the broker
   * did not take it
   */
  public void publish(String topic, byte[] key, byte[] value, List<Header> headers) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, value, headers);
    try {
      producer().send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplayFailedException(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new ReplayFailedException(e);
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    KafkaProducer<byte[], byte[]> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          Properties config = ReliableProducer.config(kafkaConfig, serviceName + "-replay");
          config.put(
              ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000); // a coordinator waits for the answer
          producer =
              new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        current = producer;
      }
    }
    return current;
  }

  void onStop(@Observes ShutdownEvent event) {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** The broker did not acknowledge the replay; the record stays parked. */
  public static class ReplayFailedException extends RuntimeException {
    ReplayFailedException(Throwable cause) {
      super(
          "the broker did not take the replayed record ("
              + cause.getClass().getSimpleName()
              + "); it stays parked",
          cause,
          false,
          false);
    }
  }
}
