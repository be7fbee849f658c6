package dk.stafet.notification.delivery;

import dk.stafet.contracts.events.DeliveryEvent;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Tells coordinators that a message needs people: a DeliveryEvent ESCALATED on
 * stafet.delivery-events, via the outbox.
 */
@ApplicationScoped
public class Escalations {

  private final Outbox outbox;
  private final Clock clock;

  public Escalations(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void escalate(OutgoingMessage message, String reason) {
    Log.warnf(
        "Escalating %s message %s to %s after %d attempt(s): %s",
        message.messageType,
        message.messageHeaderId,
        message.recipientGln,
        message.attempts,
        reason);
    publish(
        new DeliveryEvent(
            UUID.randomUUID(),
            DeliveryEvent.Type.ESCALATED,
            clock.instant(),
            message.patientKey,
            message.messageHeaderId,
            message.messageType,
            message.recipientGln,
            message.attempts,
            reason));
  }

  /**
   * A duty that could not be addressed at all (no recipient): no message exists, so no header id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void escalateUnaddressed(
      String patientKey, String messageType, String duty, String reason) {
    // No message type when the duty found no recipient at all: the line then names the duty alone.
    Log.warnf(
        "Escalating duty %s%s, no message sent: %s",
        duty, messageType == null ? "" : " (" + messageType + ")", reason);
    publish(
        new DeliveryEvent(
            UUID.randomUUID(),
            DeliveryEvent.Type.ESCALATED,
            clock.instant(),
            patientKey,
            null,
            messageType,
            null,
            0,
            duty + ": " + reason));
  }

  private void publish(DeliveryEvent event) {
    String key =
        event.patientKey() != null
            ? event.patientKey()
            : event.messageHeaderId() != null
                ? event.messageHeaderId()
                : event.eventId().toString();
    outbox.add(
        Topics.DELIVERY_EVENTS,
        event.eventId(),
        key,
        event.cloudEventType(),
        event.messageHeaderId(),
        event);
  }
}
