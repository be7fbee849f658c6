package dk.stafet.service.parked;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A parked record as coordinators see it: what, whose (the pseudonym only), where from, why, when
 * and how often. Never the payload (it may hold a CPR number); error texts are masked before they
 * are stored.
 */
@Schema(
    name = "ParkedRecord",
    description =
        "A record a consumer could not apply, kept until it is replayed or dismissed. "
            + "Holds no CPR number.")
public record ParkedRecordView(
    long id,
    @Schema(description = "PARKED (waiting for a coordinator), REPLAYED or DISMISSED") String state,
    @Schema(
            description = "The CloudEvents type of the record",
            example = "dk.stafet.course.referral-received")
        String eventType,
    @Schema(description = "The CloudEvents id the consumers deduplicate on") String messageId,
    @Schema(description = "The patient pseudonym (the record key)") String patientKey,
    @Schema(description = "The topic the record was read from and goes back to on replay")
        String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String deadLetterTopic,
    @Schema(description = "The exception class that made the consumer give up") String errorClass,
    @Schema(description = "Its message, CPR numbers masked") String errorMessage,
    Instant failedAt,
    Instant parkedAt,
    @Schema(description = "1 + how often it was replayed and failed again") int attempts,
    @Schema(description = "The parked record this one is a failed replay of") Long replayOf,
    Instant resolvedAt,
    @Schema(description = "The coordinator (SOR) who replayed or dismissed it") String resolvedBy,
    String dismissReason) {

  static ParkedRecordView of(ParkedRecord r) {
    return new ParkedRecordView(
        r.id,
        r.state.name(),
        r.eventType,
        r.messageId,
        r.patientKey,
        r.sourceTopic,
        r.sourcePartition,
        r.sourceOffset,
        r.deadLetterTopic,
        r.errorClass,
        r.errorMessage,
        r.failedAt,
        r.parkedAt,
        r.attempts,
        r.replayOf,
        r.resolvedAt,
        r.resolvedBy,
        r.dismissReason);
  }

  /**
   * One parked record with its Kafka headers (masked) and the size of its value, not the value
   * itself.
   */
  public record Detail(ParkedRecordView record, Map<String, String> headers, int valueBytes) {

    static Detail of(ParkedRecord r) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header h : DeadLetter.decodeHeaders(r.recordHeaders)) {
        headers.put(
            h.key(),
            h.value() == null
                ? null
                : DeadLetter.masked(new String(h.value(), StandardCharsets.UTF_8)));
      }
      return new Detail(
          ParkedRecordView.of(r), headers, r.recordValue == null ? 0 : r.recordValue.length);
    }
  }
}
