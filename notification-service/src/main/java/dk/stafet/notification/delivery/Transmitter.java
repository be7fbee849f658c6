package dk.stafet.notification.delivery;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MessageReenveloper;
import dk.stafet.contracts.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Puts a message on its recipient's topic {@code medcom.outbound.<GLN>} through the outbox, in the
 * caller's transaction, and records the transmission on the message (attempts, send time, the
 * Bundle as sent).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Transmitter {

  private final Outbox outbox;
  private final MedcomCodec codec;
  private final Clock clock;

  public Transmitter(Outbox outbox, MedcomCodec codec, Clock clock) {
    this.outbox = outbox;
    this.codec = codec;
    this.clock = clock;
  }

  /** The first transmission of {@code bundleText} (already in its final envelope). */
  public void first(OutgoingMessage message, String bundleId, String bundleText) {
    record(message, bundleId, bundleText);
  }

  /**
   * A retransmission: the same letter (MessageHeader.id, content) in a new envelope (new Bundle.id
   * and times).
   */
  public void again(OutgoingMessage message) {
    MedcomFormat format = formatOf(message.contentType);
    Bundle resent = MessageReenveloper.reEnvelope(codec.parse(message.lastBundle, format), clock);
    record(message, resent.getIdElement().getIdPart(), codec.write(resent, format));
  }

  public static MedcomFormat formatOf(String contentType) {
    return MedcomFormat.fromContentType(contentType).orElse(MedcomFormat.JSON);
  }

  private void record(OutgoingMessage message, String bundleId, String bundleText) {
    message.lastBundleId = bundleId;
    message.lastBundle = bundleText;
    message.attempts++;
    message.lastSentAt = clock.instant();
    message.updatedAt = message.lastSentAt;
    String key = message.patientKey != null ? message.patientKey : message.messageHeaderId;
    outbox.add(
        Topics.outboundFor(message.recipientGln),
        UUID.randomUUID(),
        key,
        cloudEventType(message),
        message.messageHeaderId,
        bundleText,
        message.contentType);
  }

  private static String cloudEventType(OutgoingMessage message) {
    return "dk.stafet.medcom." + message.messageType.toLowerCase().replace('_', '-');
  }
}
