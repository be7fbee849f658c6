package dk.stafet.referral.inbound;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.referral.config.ValidatorWarmUp;
import dk.stafet.referral.quarantine.QuarantineService;
import dk.stafet.service.messaging.ServiceStopping;
import dk.stafet.service.messaging.UntilStored;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The Kafka door: every record on a sender's own topic {@code medcom.inbound.<GLN>} goes through
 * the same {@link FrontDoor} as HTTP, with the topic's GLN as the authenticated sender (only that
 * sender's Kafka principal may write the topic, docs/security.md). The answer goes to that sender's
 * own topic through the outbox; unanswerable input is quarantined. The offset is committed only
 * after the front door has stored its outcome, so a crash re-reads the record and the letter-id
 * check makes that harmless.
 *
 * <p>The consumer starts before the MedCom validator is warm; records that are already waiting wait
 * for the warm-up ({@link ValidatorWarmUp}) instead of validating on a cold validator next to it.
 *
 * <p>If the front door cannot even store its answer because the database is down, the record is
 * tried again until it goes through ({@link UntilStored}), never skipped: nothing lost, and the
 * partition's order kept. Any other failure of ours (a bug the front door did not turn into a
 * negative acknowledgement) puts the raw record in quarantine, where operators see it and can
 * replay it, and the consumer moves on. Only a shutdown ends the wait; the record is then left
 * unacknowledged ({@link ServiceStopping}), so no offset at or beyond it is committed and it is
 * read again after the restart.
 */
@ApplicationScoped
public class InboundKafkaListener {

  public static final String CHANNEL = "medcom-inbound";

  private final FrontDoor frontDoor;
  private final ValidatorWarmUp warmUp;
  private final QuarantineService quarantine;
  private final UntilStored untilStored = new UntilStored();

  public InboundKafkaListener(
      FrontDoor frontDoor, ValidatorWarmUp warmUp, QuarantineService quarantine) {
    this.frontDoor = frontDoor;
    this.warmUp = warmUp;
    this.quarantine = quarantine;
  }

  @Incoming(CHANNEL)
  // ordered: one record at a time per consumer; the channel's concurrency gives each consumer its
  // own partitions, so senders are served side by side and each partition keeps its order
  @Blocking
  public CompletionStage<Void> onMessage(Message<byte[]> record) {
    warmUp.awaitWarm();
    String contentType =
        record
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(metadata -> metadata.getHeaders().lastHeader("content-type"))
            .map(Header::value)
            .map(value -> new String(value, StandardCharsets.UTF_8))
            .orElse(null);
    long offset =
        record
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getOffset)
            .orElse(-1L);
    String topic =
        record
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getTopic)
            .orElse(null);
    String what = topic + " record at offset " + offset;
    try {
      untilStored.run(
          what,
          () ->
              frontDoor.receive(
                  InboundRequest.kafka(
                      record.getPayload(), contentType, authenticatedSender(topic))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServiceStopping.leaveForNextStart();
    } catch (RuntimeException e) {
      Log.errorf(
          "%s could not be processed (%s); kept in quarantine", what, e.getClass().getSimpleName());
      try {
        untilStored.run(
            what + " (quarantine)",
            () ->
                quarantine.quarantine(
                    new QuarantineService.Rejection(
                        Channel.KAFKA.name(),
                        contentType,
                        Topics.senderOfInbound(topic).orElse(null),
                        null,
                        "PROCESSING_FAILED",
                        List.of(
                            MedcomIssue.hl7(
                                MedcomIssue.Severity.FATAL,
                                "exception",
                                "MSG_LOCAL_FAIL",
                                null,
                                "The front door failed on this input ("
                                    + e.getClass().getSimpleName()
                                    + "); replay it when fixed")),
                        null),
                    record.getPayload() == null ? new byte[0] : record.getPayload()));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return ServiceStopping.leaveForNextStart();
      }
    }
    return record.ack();
  }

  /**
   * The subscription pattern admits sender topics only; the GLN in the name is the authenticated
   * sender. Anything else is a bug of ours, and the record goes to quarantine.
   */
  private static String authenticatedSender(String topic) {
    return Topics.senderOfInbound(topic)
        .orElseThrow(() -> new IllegalStateException("not a sender's inbound topic: " + topic));
  }
}
