package dk.stafet.service.parked;

import dk.stafet.contracts.cpr.CprNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A record read from a dead-letter topic, taken apart: where it came from, why it failed, and the
 * original record to replay. SmallRye Reactive Messaging's Kafka connector (4.33, {@code
 * failure-strategy=dead-letter-queue}) writes the original key, value and headers plus the {@code
 * dead-letter-*} headers named below (checked against {@code KafkaDeadLetterQueue} of that
 * version). Plain Java, so unit tests call it without Quarkus.
 */
public record DeadLetter(
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String deadLetterTopic,
    byte[] key,
    byte[] value,
    List<Header> originalHeaders,
    String messageId,
    String eventType,
    String patientKey,
    String errorClass,
    String errorMessage,
    Instant failedAt,
    int attempts,
    Long replayOf) {

  public static final String TOPIC = "dead-letter-topic";
  public static final String PARTITION = "dead-letter-partition";
  public static final String OFFSET = "dead-letter-offset";
  public static final String REASON = "dead-letter-reason";
  public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
  public static final String CAUSE = "dead-letter-cause";
  public static final String CAUSE_CLASS = "dead-letter-cause-class-name";

  /**
   * Our own headers on a replayed record: which parked row it replays, and how many attempts it has
   * had.
   */
  public static final String REPLAY_OF = "stafet-replay-of";

  public static final String ATTEMPTS = "stafet-attempts";

  private static final int MAX_MESSAGE = 2000;

  /**
   * Reads a dead letter; never fails on a record it does not understand (that one is parked with
   * what it has).
   */
  public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    String topic = text(headers, TOPIC);
    Integer partition = number(text(headers, PARTITION), Integer::valueOf);
    Long offset = number(text(headers, OFFSET), Long::valueOf);
    boolean located = topic != null && partition != null && offset != null;
    List<Header> original = new ArrayList<>();
    for (Header h : headers) {
      String name = h.key().toLowerCase(Locale.ROOT);
      if (!name.startsWith("dead-letter-") && !name.equals(REPLAY_OF) && !name.equals(ATTEMPTS)) {
        original.add(new RecordHeader(h.key(), h.value()));
      }
    }
    String exceptionClass = text(headers, EXCEPTION_CLASS);
    String causeClass = text(headers, CAUSE_CLASS);
    String reason = text(headers, REASON);
    String cause = text(headers, CAUSE);
    String message = reason;
    if (cause != null && !cause.equals(reason)) {
      message =
          (reason == null ? "" : reason + " — caused by ")
              + (causeClass == null ? "" : simpleName(causeClass) + ": ")
              + cause;
    }
    Integer attempts = number(text(headers, ATTEMPTS), Integer::valueOf);
    return new DeadLetter(
        located ? topic : record.topic(),
        located ? partition : record.partition(),
        located ? offset : record.offset(),
        record.topic(),
        record.key(),
        record.value(),
        List.copyOf(original),
        text(headers, "ce_id"),
        text(headers, "ce_type"),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        exceptionClass,
        masked(message),
        Instant.ofEpochMilli(record.timestamp()),
        attempts == null ? 1 : attempts + 1,
        number(text(headers, REPLAY_OF), Long::valueOf));
  }

  /** The error text as it may be shown and stored: CPR numbers masked, bounded in length. */
  static String masked(String text) {
    if (text == null) {
      return null;
    }
    String masked = CprNumber.maskAll(text);
    return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE) + "…";
  }

  /**
   * The headers as stored: one {@code name:base64(value)} per line (base64 has no ':', so the last
   * one splits).
   */
  public static String encodeHeaders(List<Header> headers) {
    StringBuilder out = new StringBuilder();
    for (Header h : headers) {
      out.append(h.key())
          .append(':')
          .append(h.value() == null ? "" : Base64.getEncoder().encodeToString(h.value()))
          .append('\n');
    }
    return out.toString();
  }

  public static List<Header> decodeHeaders(String stored) {
    List<Header> headers = new ArrayList<>();
    if (stored == null) {
      return headers;
    }
    for (String line : stored.split("\n")) {
      int colon = line.lastIndexOf(':');
      if (colon > 0) {
        headers.add(
            new RecordHeader(
                line.substring(0, colon), Base64.getDecoder().decode(line.substring(colon + 1))));
      }
    }
    return headers;
  }

  private static String text(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static <T> T number(String text, java.util.function.Function<String, T> parse) {
    try {
      return text == null ? null : parse.apply(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
