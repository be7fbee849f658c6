package dk.stafet.notification.notify;

import dk.stafet.contracts.events.MedcomMessageEvent;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MessageReenveloper;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.delivery.DeliveryService;
import dk.stafet.notification.delivery.Escalations;
import dk.stafet.notification.delivery.OutgoingMessage;
import dk.stafet.notification.delivery.Transmitter;
import dk.stafet.notification.directory.Directory;
import dk.stafet.notification.directory.Party;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Stafet as the messaging hub (docs/architecture.md): a message the front door accepted for another
 * organisation goes to that organisation's topic with its content, sender and MessageHeader.id
 * unchanged, in a new envelope (a new Bundle.id), and is tracked like Stafet's own messages, so the
 * addressee's acknowledgement names the original letter.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HubDelivery {

  private final MedcomCodec codec;
  private final DeliveryService deliveries;
  private final Escalations escalations;
  private final Directory directory;

  public HubDelivery(
      MedcomCodec codec, DeliveryService deliveries, Escalations escalations, Directory directory) {
    this.codec = codec;
    this.deliveries = deliveries;
    this.escalations = escalations;
    this.directory = directory;
  }

  public void deliver(MedcomMessageEvent event) {
    if (event.receiverGln() == null || !event.receiverGln().matches("\\d{13}")) {
      escalations.escalateUnaddressed(
          event.patientKey(),
          event.messageType(),
          "hub",
          "the message names no receiver GLN; it cannot be delivered");
      return;
    }
    MedcomFormat format = Transmitter.formatOf(event.contentType());
    String envelopeId = UUID.randomUUID().toString(); // a new envelope; the letter is untouched
    Forwarded forwarded =
        format == MedcomFormat.JSON && saysWhatItCarries(event)
            ? new Forwarded(
                MessageReenveloper.withBundleId(event.rawBundle(), envelopeId),
                event.messageHeaderId(),
                event.messageType(),
                event.eventCode())
            : throughTheModel(event, format, envelopeId);

    OutgoingMessage outgoing = new OutgoingMessage();
    outgoing.messageHeaderId = forwarded.messageHeaderId();
    outgoing.sourceEventId = event.eventId();
    outgoing.origin = OutgoingMessage.Origin.HUB_DELIVERY;
    outgoing.messageType = forwarded.messageType();
    outgoing.eventCode = forwarded.eventCode();
    outgoing.duty = "hub";
    outgoing.recipientGln = event.receiverGln();
    outgoing.recipientSor = event.receiverSor();
    outgoing.senderGln = event.senderGln();
    outgoing.senderSor = event.senderSor();
    outgoing.patientKey = event.patientKey();
    outgoing.contentType = format.mimeType();
    boolean acknowledges =
        directory.byGln(event.receiverGln()).map(Party::acknowledges).orElse(true);
    if (!deliveries.send(outgoing, envelopeId, forwarded.text(), acknowledges)) {
      Log.infof(
          "Message %s was already delivered to %s",
          outgoing.messageHeaderId, outgoing.recipientGln);
    }
  }

  /** The letter in its new envelope, and what the sent-message log says of it. */
  private record Forwarded(
      String text, String messageHeaderId, String messageType, String eventCode) {}

  /**
   * Whether the event names everything the log needs, so the letter need not be read: the front
   * door adds the event code to HospitalNotifications and CareCommunications since session 12.
   */
  private static boolean saysWhatItCarries(MedcomMessageEvent event) {
    if (event.messageHeaderId() == null || event.messageType() == null) {
      return false;
    }
    boolean hasEventCode =
        MessageType.HOSPITAL_NOTIFICATION.name().equals(event.messageType())
            || MessageType.CARE_COMMUNICATION.name().equals(event.messageType());
    return !hasEventCode || event.eventCode() != null;
  }

  /** XML, and events from before the event code: parsed, re-enveloped and written by HAPI. */
  private Forwarded throughTheModel(
      MedcomMessageEvent event, MedcomFormat format, String envelopeId) {
    Bundle bundle = codec.parse(event.rawBundle(), format);
    bundle.setId(envelopeId);
    MedcomMessage message = new MedcomMessage(bundle);
    return new Forwarded(
        codec.write(bundle, format),
        event.messageHeaderId() != null ? event.messageHeaderId() : message.messageHeaderId(),
        typeOf(message),
        message.eventCode().orElse(null));
  }

  private static String typeOf(MedcomMessage message) {
    MessageType type = message.messageType();
    return type == MessageType.UNKNOWN ? "UNKNOWN" : type.name();
  }
}
