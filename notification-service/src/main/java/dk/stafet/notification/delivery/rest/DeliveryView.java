package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.OutgoingMessage;
import java.time.Instant;
import java.util.UUID;

/** An outgoing message's delivery as operations see it; no patient data beyond the pseudonym. */
public record DeliveryView(
    String messageHeaderId,
    String messageType,
    String eventCode,
    String duty,
    String origin,
    String recipientGln,
    String recipientSor,
    String senderGln,
    String patientKey,
    DeliveryState state,
    String stateReason,
    int attempts,
    Instant nextAttemptAt,
    String lastBundleId,
    String ackCode,
    UUID sourceEventId,
    Instant createdAt,
    Instant lastSentAt,
    Instant acknowledgedAt) {

  public static DeliveryView of(OutgoingMessage m) {
    return new DeliveryView(
        m.messageHeaderId,
        m.messageType,
        m.eventCode,
        m.duty,
        m.origin.name(),
        m.recipientGln,
        m.recipientSor,
        m.senderGln,
        m.patientKey,
        m.state,
        m.stateReason,
        m.attempts,
        m.nextAttemptAt,
        m.lastBundleId,
        m.ackCode,
        m.sourceEventId,
        m.createdAt,
        m.lastSentAt,
        m.acknowledgedAt);
  }
}
