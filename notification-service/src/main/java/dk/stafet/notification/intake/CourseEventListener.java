package dk.stafet.notification.intake;

import dk.stafet.service.messaging.PollBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code stafet.course-events}; the offset is committed after the handler's transaction;
 * the records of one poll share one transaction ({@link IncomingEvents#handlePoll}).
 */
@ApplicationScoped
public class CourseEventListener {

  public static final String CHANNEL = "course-events";

  private final CourseEventHandler handler;
  private final PollBatches batches;

  public CourseEventListener(CourseEventHandler handler, PollBatches batches) {
    this.handler = handler;
    this.batches = batches;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> onPoll(KafkaRecordBatch<String, String> poll) {
    return IncomingEvents.handlePoll(CHANNEL, poll, batches, handler::handle);
  }
}
