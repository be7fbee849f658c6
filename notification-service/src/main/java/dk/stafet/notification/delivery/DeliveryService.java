package dk.stafet.notification.delivery;

import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.notification.config.DeliveryConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery state machine of outgoing MedCom messages (docs/notifications.md): first
 * transmission, acknowledgements, timeouts with retransmission, dead letters, escalation and manual
 * resend.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryService {

  public static final String OK = "ok";
  public static final String TRANSIENT_ERROR = "transient-error";
  public static final String FATAL_ERROR = "fatal-error";

  private final Transmitter transmitter;
  private final Escalations escalations;
  private final RetrySchedule schedule;
  private final DeliveryConfig config;
  private final Clock clock;
  private final DeliveryMetrics metrics;

  public DeliveryService(
      Transmitter transmitter,
      Escalations escalations,
      DeliveryConfig config,
      Clock clock,
      DeliveryMetrics metrics) {
    this.metrics = metrics;
    this.transmitter = transmitter;
    this.escalations = escalations;
    this.config = config;
    this.clock = clock;
    this.schedule = new RetrySchedule(config.ackTimeout(), config.maxResends());
  }

  /**
   * Stores and transmits a new message. {@code message} has its identity, parties and content type
   * filled in; returns false (and sends nothing) if this event already produced this type of
   * message for this recipient.
   *
   * @param acknowledges whether the recipient answers with acknowledgements (registry)
   */
  public boolean send(
      OutgoingMessage message, String bundleId, String bundleText, boolean acknowledges) {
    if (OutgoingMessage.existsFor(
        message.sourceEventId,
        message.recipientGln,
        message.messageType,
        message.messageHeaderId)) {
      Log.infof(
          "Message %s for event %s to %s exists; not sent again",
          message.messageType, message.sourceEventId, message.recipientGln);
      return false;
    }
    Instant now = clock.instant();
    message.id = UUID.randomUUID();
    message.createdAt = now;
    message.attempts = 0;
    if (acknowledges) {
      message.state = DeliveryState.SENT;
      message.nextAttemptAt = schedule.ackDeadline(now);
    } else {
      message.state = DeliveryState.DELIVERED_NO_ACK_EXPECTED;
      message.stateReason = "the recipient does not acknowledge";
    }
    transmitter.first(message, bundleId, bundleText);
    message.persist();
    Log.infof(
        "Sent %s %s (%s) to %s",
        message.messageType, message.messageHeaderId, message.eventCode, message.recipientGln);
    return true;
  }

  /**
   * A message Stafet built but must not send, because it fails MedCom validation: kept (so a
   * coordinator can see what was built), dead-lettered at once and escalated. Idempotent like
   * {@link #send}.
   */
  public void refuse(OutgoingMessage message, String bundleId, String bundleText, String reason) {
    if (OutgoingMessage.exists(message.sourceEventId, message.recipientGln, message.messageType)) {
      return;
    }
    Instant now = clock.instant();
    message.id = UUID.randomUUID();
    message.createdAt = now;
    message.updatedAt = now;
    message.attempts = 0;
    message.state = DeliveryState.DEAD_LETTER;
    message.stateReason = reason;
    message.lastBundleId = bundleId;
    message.lastBundle = bundleText;
    message.persist();
    metrics.deadLettered();
    escalations.escalate(message, reason);
  }

  /**
   * An acknowledgement from a recipient: matched to the message by the acknowledged
   * MessageHeader.id. A duplicate (an ack whose own MessageHeader.id was seen) changes nothing; a
   * different, later ack for the same message decides.
   */
  public void acknowledgement(MedcomMessageEvent ack) {
    if (ack.messageHeaderId() != null && ReceivedAck.findById(ack.messageHeaderId()) != null) {
      Log.infof("Duplicate acknowledgement %s ignored", ack.messageHeaderId());
      return;
    }
    Optional<OutgoingMessage> matched =
        ack.acknowledgedHeaderId() == null
            ? Optional.empty()
            : OutgoingMessage.byHeaderId(ack.acknowledgedHeaderId());
    ReceivedAck received = new ReceivedAck();
    received.ackHeaderId =
        ack.messageHeaderId() != null ? ack.messageHeaderId() : "event-" + ack.eventId();
    received.acknowledgedHeaderId = String.valueOf(ack.acknowledgedHeaderId());
    received.ackCode = String.valueOf(ack.ackCode());
    received.senderGln = ack.senderGln();
    received.receivedAt = ack.receivedAt() != null ? ack.receivedAt() : clock.instant();
    received.outgoingMessageId = matched.map(message -> message.id).orElse(null);
    received.persist();
    if (matched.isEmpty()) {
      Log.warnf(
          "Unmatched acknowledgement %s of %s recorded",
          received.ackHeaderId, received.acknowledgedHeaderId);
      return;
    }
    apply(matched.get(), received);
  }

  /**
   * Handles every message whose acknowledgement wait has run out; returns how many. FOR UPDATE SKIP
   * LOCKED.
   */
  public int handleDue() {
    List<OutgoingMessage> due =
        OutgoingMessage.getEntityManager()
            .createNativeQuery(
                "SELECT * FROM outgoing_message WHERE state = 'SENT' AND next_attempt_at <= ?1 "
                    + "ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                OutgoingMessage.class)
            .setParameter(1, clock.instant())
            .setParameter(2, config.batchSize())
            .getResultList();
    for (OutgoingMessage message : due) {
      failedAttempt(message, "no acknowledgement within " + config.ackTimeout());
    }
    return due.size();
  }

  /**
   * A new attempt for a dead-lettered message: same MessageHeader.id, new envelope; waits for its
   * ack as usual.
   */
  public Optional<OutgoingMessage> resendDeadLetter(String messageHeaderId) {
    Optional<OutgoingMessage> found = OutgoingMessage.byHeaderId(messageHeaderId);
    found.ifPresent(
        message -> {
          if (message.state != DeliveryState.DEAD_LETTER) {
            throw new IllegalStateException(
                "only a dead-lettered message can be resent; this one is " + message.state);
          }
          if (message.lastSentAt == null) {
            throw new IllegalStateException(
                "this message was never sent because it fails MedCom validation; resending would"
                    + " send the same invalid message (docs/notifications.md)");
          }
          message.state = DeliveryState.SENT;
          message.stateReason = "resent manually";
          transmitter.again(message);
          message.nextAttemptAt = schedule.ackDeadline(message.lastSentAt);
          Log.infof(
              "Resent dead letter %s manually (attempt %d)",
              message.messageHeaderId, message.attempts);
        });
    return found;
  }

  public RetrySchedule schedule() {
    return schedule;
  }

  private void apply(OutgoingMessage message, ReceivedAck ack) {
    switch (ack.ackCode) {
      case OK -> {
        if (message.state != DeliveryState.ACKNOWLEDGED && ack.receivedAt != null) {
          metrics.acknowledgedAfter(Duration.between(message.createdAt, ack.receivedAt));
        }
        settle(message, DeliveryState.ACKNOWLEDGED, ack, null);
        Log.infof("Message %s acknowledged by %s", message.messageHeaderId, message.recipientGln);
      }
      case FATAL_ERROR -> {
        boolean alreadyNegative = message.state == DeliveryState.NEGATIVE;
        settle(message, DeliveryState.NEGATIVE, ack, "fatal-error acknowledgement");
        if (!alreadyNegative) {
          escalations.escalate(
              message, "negative acknowledgement (fatal-error): not resent automatically");
        }
      }
      case TRANSIENT_ERROR -> {
        message.ackCode = ack.ackCode;
        message.ackHeaderId = ack.ackHeaderId;
        if (message.state == DeliveryState.SENT) {
          failedAttempt(message, "transient-error acknowledgement");
        }
      }
      default -> Log.warnf("Acknowledgement %s has unknown code; recorded only", ack.ackHeaderId);
    }
  }

  private void settle(
      OutgoingMessage message, DeliveryState state, ReceivedAck ack, String reason) {
    message.state = state;
    message.stateReason = reason;
    message.ackCode = ack.ackCode;
    message.ackHeaderId = ack.ackHeaderId;
    message.acknowledgedAt = ack.receivedAt;
    message.nextAttemptAt = null;
    message.updatedAt = clock.instant();
  }

  private void failedAttempt(OutgoingMessage message, String why) {
    if (schedule.afterFailedAttempt(message.attempts) == RetrySchedule.Next.RESEND) {
      transmitter.again(message);
      metrics.retransmitted();
      message.nextAttemptAt = schedule.ackDeadline(message.lastSentAt);
      message.stateReason = why + "; resent";
      Log.infof(
          "Resent %s to %s (attempt %d): %s",
          message.messageHeaderId, message.recipientGln, message.attempts, why);
    } else {
      message.state = DeliveryState.DEAD_LETTER;
      metrics.deadLettered();
      message.stateReason = why + " after " + message.attempts + " transmission(s)";
      message.nextAttemptAt = null;
      message.updatedAt = clock.instant();
      escalations.escalate(message, message.stateReason);
    }
  }
}
