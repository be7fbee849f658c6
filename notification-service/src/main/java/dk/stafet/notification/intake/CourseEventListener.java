package dk.stafet.notification.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code stafet.course-events}; the offset is committed after the handler's transaction.
 */
@ApplicationScoped
public class CourseEventListener {

  public static final String CHANNEL = "course-events";

  private final CourseEventHandler handler;

  public CourseEventListener(CourseEventHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> onEvent(Message<String> record) {
    return IncomingEvents.handle(CHANNEL, record, handler::handle);
  }
}
