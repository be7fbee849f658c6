package dk.stafet.notification.intake;

import dk.stafet.service.messaging.PollBatches;
import dk.stafet.service.messaging.ServiceStopping;
import dk.stafet.service.messaging.UntilStored;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The common part of the Kafka listeners: read the CloudEvents id and hand the record to its
 * transactional handler. A database outage is waited out ({@link UntilStored}), so no event is
 * parked in the dead-letter topic because PostgreSQL was briefly away, nor because the service
 * stops ({@link ServiceStopping}: the record is left for the next start); a record that is not a
 * valid event is nacked at once; any other failure (e.g. an optimistic-lock conflict with the retry
 * poller) is tried a few times and then nacked to the channel's failure strategy (the dead-letter
 * topic).
 */
final class IncomingEvents {

  static final int ATTEMPTS = 3;
  private static final UntilStored UNTIL_STORED = new UntilStored();

  private IncomingEvents() {}

  /**
   * The records of one poll in one transaction ({@link PollBatches}); when that fails, each record
   * on its own as {@link #handle}.
   *
   * @param handler called with (CloudEvents id or null, record value) in the transaction it is
   *     given
   */
  static CompletionStage<Void> handlePoll(
      String channel,
      KafkaRecordBatch<String, String> poll,
      PollBatches batches,
      BiConsumer<String, String> handler) {
    return batches.handle(
        channel,
        poll.getRecords(),
        poll::ack,
        record -> handler.accept(header(record, "ce_id"), record.getPayload()),
        record -> handle(channel, record, handler));
  }

  /**
   * @param handler called with (CloudEvents id or null, record value) in its own transaction
   */
  static CompletionStage<Void> handle(
      String channel, Message<String> record, BiConsumer<String, String> handler) {
    String ceId = header(record, "ce_id");
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        UNTIL_STORED.run(
            channel + " record " + ceId, () -> handler.accept(ceId, record.getPayload()));
        return record.ack();
      } catch (InterruptedException shutdown) {
        Thread.currentThread().interrupt();
        return ServiceStopping.leaveForNextStart();
      } catch (IllegalArgumentException unreadable) {
        // Not a valid event: retrying cannot help.
        Log.errorf("Unreadable record %s on %s: %s", ceId, channel, unreadable.getMessage());
        return record.nack(unreadable);
      } catch (RuntimeException e) {
        last = e;
        Log.warnf(
            "Handling %s from %s failed (attempt %d of %d): %s",
            ceId, channel, attempt, ATTEMPTS, e.getClass().getSimpleName());
        sleep(200L * attempt);
      }
    }
    return record.nack(last);
  }

  static String header(Message<?> record, String name) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(metadata -> metadata.getHeaders().lastHeader(name))
        .map(Header::value)
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .orElse(null);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
