package dk.stafet.referral.inbound;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.TestTokens;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The bearer token of a MedCom message's own sender, as its system would present it at the front
 * door.
 */
public final class MedcomSenders {

  /** Herlev's cardiology department, the sender of MedCom's HospitalNotification examples. */
  public static final String EXAMPLES_SENDER = "265161000016000";

  private static final MedcomCodec CODEC = new MedcomCodec();

  private MedcomSenders() {}

  /**
   * The token of the organisation the Bundle names as its sender (the examples' sender if it names
   * none).
   */
  public static String tokenOf(String bundle) {
    String sor;
    try {
      sor =
          new MedcomMessage(
                  CODEC.parse(
                      bundle, bundle.trim().startsWith("<") ? MedcomFormat.XML : MedcomFormat.JSON))
              .sender()
              .flatMap(MedcomViews.OrganisationView::sorCode)
              .orElse(EXAMPLES_SENDER);
    } catch (RuntimeException unreadable) {
      sor = EXAMPLES_SENDER;
    }
    return TestTokens.forOrganisation(sor);
  }

  /**
   * The sender's own Kafka topic {@code medcom.inbound.<GLN>} of the organisation the Bundle names
   * as its sender: where its system, authenticated as that organisation, writes it.
   */
  public static String inboundTopicOf(String bundle) {
    return Topics.inboundFrom(
        new MedcomMessage(
                CODEC.parse(
                    bundle, bundle.trim().startsWith("<") ? MedcomFormat.XML : MedcomFormat.JSON))
            .sender()
            .orElseThrow()
            .gln());
  }

  /** The acknowledgement of this letter on its sender's topic {@code medcom.outbound.<GLN>}. */
  public static ConsumerRecord<String, String> awaitAcknowledgement(
      KafkaTestClient kafka, MedcomMessage letter, Duration timeout) {
    return kafka.awaitRecord(
        Topics.outboundFor(letter.sender().orElseThrow().gln()),
        record ->
            letter
                .messageHeaderId()
                .equals(
                    new MedcomMessage(CODEC.parse(record.value(), (String) null))
                        .acknowledgementResponse()
                        .map(response -> response.identifier())
                        .orElse(null)),
        timeout);
  }
}
