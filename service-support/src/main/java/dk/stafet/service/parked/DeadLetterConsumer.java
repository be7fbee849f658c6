package dk.stafet.service.parked;

import dk.stafet.service.messaging.ServiceStopping;
import dk.stafet.service.messaging.UntilStored;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the service's own dead-letter topic(s) into {@link ParkedRecords}: channel {@value
 * #CHANNEL}, configured in the service's application.properties (topic(s), group id, byte-array
 * deserializers). Only in a service that dead-letters: build property {@code
 * stafet.parked.consume=true}. A database outage is waited out, so a dead letter is committed only
 * once it is stored; one not stored when the service stops is left for the next start ({@link
 * ServiceStopping}).
 */
@ApplicationScoped
@IfBuildProperty(name = "stafet.parked.consume", stringValue = "true")
public class DeadLetterConsumer {

  public static final String CHANNEL = "parked-records";

  private final ParkedRecords parked;
  private final UntilStored untilStored = new UntilStored();

  public DeadLetterConsumer(ParkedRecords parked) {
    this.parked = parked;
  }

  @Incoming(CHANNEL)
  @Blocking
  @SuppressWarnings("unchecked")
  public CompletionStage<Void> onDeadLetter(Message<byte[]> message) {
    ConsumerRecord<byte[], byte[]> record =
        message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    DeadLetter letter = DeadLetter.of(record);
    boolean stored;
    try {
      stored =
          untilStored.run(
              "dead letter " + record.topic() + "/" + record.partition() + "/" + record.offset(),
              () -> parked.park(letter));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServiceStopping.leaveForNextStart();
    } catch (RuntimeException e) {
      return message.nack(e);
    }
    if (stored) {
      try {
        parked.recount();
      } catch (RuntimeException notNow) {
        // Stored is what counts; the schedule recounts.
      }
    }
    return message.ack();
  }
}
