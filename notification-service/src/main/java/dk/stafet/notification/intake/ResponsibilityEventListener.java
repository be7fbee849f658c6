package dk.stafet.notification.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes {@code stafet.responsibility-events}. */
@ApplicationScoped
public class ResponsibilityEventListener {

  public static final String CHANNEL = "responsibility-events";

  private final ResponsibilityEventHandler handler;

  public ResponsibilityEventListener(ResponsibilityEventHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> onEvent(Message<String> record) {
    return IncomingEvents.handle(CHANNEL, record, handler::handle);
  }
}
