package dk.stafet.notification.intake;

import dk.stafet.service.messaging.PollBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code stafet.medcom-message-events}: hub deliveries and acknowledgements. */
@ApplicationScoped
public class MedcomMessageEventListener {

  public static final String CHANNEL = "medcom-message-events";

  private final MedcomMessageEventHandler handler;
  private final PollBatches batches;

  public MedcomMessageEventListener(MedcomMessageEventHandler handler, PollBatches batches) {
    this.handler = handler;
    this.batches = batches;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> onPoll(KafkaRecordBatch<String, String> poll) {
    return IncomingEvents.handlePoll(CHANNEL, poll, batches, handler::handle);
  }
}
