package dk.stafet.service.parked;

import dk.stafet.service.messaging.UntilStored;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the service's own dead-letter topic(s) into {@link ParkedRecords}: channel {@value
 * #CHANNEL}, configured in the service's application.properties (topic(s), group id, byte-array
 * deserializers). Only in a service that dead-letters: build property {@code
 * stafet.parked.consume=true}. A database outage is waited out, so a dead letter is committed only
 * once it is stored.
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
  public void onDeadLetter(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    DeadLetter letter = DeadLetter.of(record);
    if (untilStored.run(
        "dead letter " + record.topic() + "/" + record.partition() + "/" + record.offset(),
        () -> parked.park(letter))) {
      try {
        parked.recount();
      } catch (RuntimeException notNow) {
        // Stored is what counts; the schedule recounts.
      }
    }
  }
}
