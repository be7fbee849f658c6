package dk.stafet.service.parked;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void readsSmallRyesDeadLetterHeadersAndMasksTheReason() {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "stafet.course-events.responsibility-dlq",
            0,
            7L,
            bytes("patient-key-1"),
            bytes("{\"cpr\":\"2509479989\"}"));
    header(record, "ce_id", "id-1");
    header(record, "ce_type", "dk.stafet.course.referral-received");
    header(record, DeadLetter.TOPIC, "stafet.course-events");
    header(record, DeadLetter.PARTITION, "2");
    header(record, DeadLetter.OFFSET, "41");
    header(record, DeadLetter.EXCEPTION_CLASS, "java.lang.IllegalStateException");
    header(record, DeadLetter.REASON, "no rule for patient 250947-9989");
    header(record, DeadLetter.CAUSE_CLASS, "java.lang.NullPointerException");
    header(record, DeadLetter.CAUSE, "cpr 2509479989 had no course");

    DeadLetter letter = DeadLetter.of(record);

    assertThat(letter.sourceTopic()).isEqualTo("stafet.course-events");
    assertThat(letter.sourcePartition()).isEqualTo(2);
    assertThat(letter.sourceOffset()).isEqualTo(41L);
    assertThat(letter.deadLetterTopic()).isEqualTo("stafet.course-events.responsibility-dlq");
    assertThat(letter.messageId()).isEqualTo("id-1");
    assertThat(letter.eventType()).isEqualTo("dk.stafet.course.referral-received");
    assertThat(letter.patientKey()).isEqualTo("patient-key-1");
    assertThat(letter.errorClass()).isEqualTo("java.lang.IllegalStateException");
    assertThat(letter.errorMessage())
        .contains("no rule for patient", "NullPointerException", "had no course")
        .doesNotContain("2509479989")
        .doesNotContain("250947-9989");
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.replayOf()).isNull();
    // The original headers without the dead-letter ones, to replay; the value untouched.
    assertThat(letter.originalHeaders())
        .extracting(Header::key)
        .containsExactly("ce_id", "ce_type");
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("2509479989");
  }

  @Test
  void aReplayThatFailsAgainCountsItsAttemptAndNamesTheParkedRowItReplays() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("dlq", 0, 3L, null, bytes("x"));
    header(record, DeadLetter.TOPIC, "stafet.responsibility-events");
    header(record, DeadLetter.PARTITION, "0");
    header(record, DeadLetter.OFFSET, "99");
    header(record, DeadLetter.REPLAY_OF, "12");
    header(record, DeadLetter.ATTEMPTS, "2");

    DeadLetter letter = DeadLetter.of(record);

    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.replayOf()).isEqualTo(12L);
    assertThat(letter.patientKey()).isNull();
    assertThat(letter.originalHeaders()).isEmpty();
  }

  @Test
  void aRecordWithoutDeadLetterHeadersIsLocatedByItsOwnPosition() {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("stafet.notification-service.dlq", 1, 5L, null, null);

    DeadLetter letter = DeadLetter.of(record);

    assertThat(letter.sourceTopic()).isEqualTo("stafet.notification-service.dlq");
    assertThat(letter.sourcePartition()).isEqualTo(1);
    assertThat(letter.sourceOffset()).isEqualTo(5L);
  }

  @Test
  void headersSurviveTheirStoredForm() {
    var headers =
        java.util.List.<Header>of(
            new RecordHeader("ce_id", bytes("a:b")), new RecordHeader("empty", new byte[0]));
    var back = DeadLetter.decodeHeaders(DeadLetter.encodeHeaders(headers));
    assertThat(back).extracting(Header::key).containsExactly("ce_id", "empty");
    assertThat(new String(back.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("a:b");
    assertThat(back.get(1).value()).isEmpty();
  }

  private static void header(ConsumerRecord<byte[], byte[]> record, String name, String value) {
    record.headers().add(name, bytes(value));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
