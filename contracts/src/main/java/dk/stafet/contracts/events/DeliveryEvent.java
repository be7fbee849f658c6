package dk.stafet.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery state change or escalation of an outgoing MedCom message, on {@link
 * Topics#DELIVERY_EVENTS}.
 */
public record DeliveryEvent(
    UUID eventId,
    Type type,
    Instant occurredAt,
    String patientKey,
    String messageHeaderId,
    String messageType,
    String recipientGln,
    int attempts,
    String reason) {

  public enum Type {
    SENT,
    ACKNOWLEDGED,
    NEGATIVELY_ACKNOWLEDGED,
    RETRANSMITTED,
    DEAD_LETTERED,
    ESCALATED
  }

  public String cloudEventType() {
    return "dk.stafet.delivery." + type.name().toLowerCase().replace('_', '-');
  }
}
