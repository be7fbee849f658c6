package dk.stafet.notification.support;

import static org.awaitility.Awaitility.await;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.testsupport.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Waits for what notification-service does: rows in its database, records on recipients' topics.
 */
public final class Deliveries {

  public static final Duration WAIT = Duration.ofSeconds(40);

  private final DeliveryOperations operations;
  private final KafkaTestClient kafka;
  private final MedcomCodec codec = new MedcomCodec();

  public Deliveries(DeliveryOperations operations, KafkaTestClient kafka) {
    this.operations = operations;
    this.kafka = kafka;
  }

  public List<DeliveryView> of(String patientKey) {
    return operations.list(null, null, null, patientKey, 100);
  }

  /** The one message of the patient, once it exists. */
  public DeliveryView awaitOne(String patientKey) {
    return await().atMost(WAIT).until(() -> of(patientKey), list -> list.size() == 1).get(0);
  }

  public DeliveryView awaitState(String messageHeaderId, DeliveryState state) {
    return await()
        .atMost(WAIT)
        .until(() -> operations.get(messageHeaderId).orElseThrow(), v -> v.state() == state);
  }

  public DeliveryView awaitAttempts(String messageHeaderId, int attempts) {
    return await()
        .atMost(WAIT)
        .until(() -> operations.get(messageHeaderId).orElseThrow(), v -> v.attempts() >= attempts);
  }

  /** The transmissions of a letter on its recipient's topic, in order. */
  public List<MedcomMessage> transmissions(String recipientGln, String messageHeaderId, int count) {
    return kafka
        .poll(Topics.outboundFor(recipientGln), headerIs(messageHeaderId), count, WAIT)
        .stream()
        .map(
            record ->
                codec.parseMessage(
                    record.value(), KafkaTestClient.header(record, "content-type").orElse(null)))
        .toList();
  }

  private static Predicate<ConsumerRecord<String, String>> headerIs(String messageHeaderId) {
    return record ->
        messageHeaderId.equals(KafkaTestClient.header(record, "ce_subject").orElse(null));
  }
}
