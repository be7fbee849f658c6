package dk.stafet.referral.inbound;

import dk.stafet.referral.config.ValidatorWarmUp;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The Kafka door: every record on {@code medcom.inbound} goes through the same {@link FrontDoor} as HTTP. The answer goes
 * to the sender's own topic through the outbox; unanswerable input is quarantined. The offset is committed only after
 * the front door has stored its outcome, so a crash re-reads the record and the letter-id check makes that harmless.
 * <p>
 * The consumer starts before the MedCom validator is warm; records that are already waiting wait for the warm-up
 * ({@link ValidatorWarmUp}) instead of validating on a cold validator next to it.
 * <p>
 * If the front door cannot even store its answer (the database is down), the record is tried again until it goes
 * through ({@link UntilProcessed}), never skipped: nothing lost, and the partition's order kept. Only a shutdown
 * interrupts the wait; the record is then nacked, and the channel's {@code failure-strategy=fail} makes sure no offset
 * beyond it is committed, so it is read again after the restart.
 */
@ApplicationScoped
public class InboundKafkaListener {

  public static final String CHANNEL = "medcom-inbound";

  private final FrontDoor frontDoor;
  private final ValidatorWarmUp warmUp;
  private final UntilProcessed untilProcessed = new UntilProcessed();

  public InboundKafkaListener(FrontDoor frontDoor, ValidatorWarmUp warmUp) {
    this.frontDoor = frontDoor;
    this.warmUp = warmUp;
  }

  @Incoming(CHANNEL)
  @Blocking // ordered: one record at a time per partition keeps each patient's order
  public CompletionStage<Void> onMessage(Message<byte[]> record) {
    warmUp.awaitWarm();
    String contentType = record.getMetadata(IncomingKafkaRecordMetadata.class)
        .map(metadata -> metadata.getHeaders().lastHeader("content-type"))
        .map(Header::value)
        .map(value -> new String(value, StandardCharsets.UTF_8))
        .orElse(null);
    long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
        .orElse(-1L);
    try {
      untilProcessed.run("medcom.inbound record at offset " + offset,
          () -> frontDoor.receive(InboundRequest.kafka(record.getPayload(), contentType)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return record.nack(e);
    }
    return record.ack();
  }
}
