package dk.stafet.notification.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes {@code stafet.medcom-message-events}: hub deliveries and acknowledgements. */
@ApplicationScoped
public class MedcomMessageEventListener {

  public static final String CHANNEL = "medcom-message-events";

  private final MedcomMessageEventHandler handler;

  public MedcomMessageEventListener(MedcomMessageEventHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = true)
  public CompletionStage<Void> onEvent(Message<String> record) {
    return IncomingEvents.handle(CHANNEL, record, handler::handle);
  }
}
