package dk.stafet.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.web.client.Api;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageThreadsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void answersSitUnderTheMessageTheyAnswerInTheOrderReceived() {
    List<MessageThreads.Row> rows =
        MessageThreads.of(
            List.of(
                message("forward", "t2", "forward-message", "reply", 30),
                message("second-reply", "t1", "reply-message", "first", 40),
                message("hn", null, null, null, 5),
                message("reply", "t1", "reply-message", "first", 20),
                message("first", "t1", "new-message", null, 10)));

    assertThat(rows)
        .extracting(r -> r.message().messageHeaderId() + "@" + r.depth())
        .containsExactly("hn@0", "first@0", "reply@1", "forward@2", "second-reply@1");
    assertThat(rows.get(2).reply()).isTrue();
    assertThat(rows.get(3).forward()).isTrue();
    assertThat(rows.get(1).shortThread()).isEqualTo("t1");
  }

  @Test
  void aReplyWhoseMessageIsNotListedOpensItsOwnGroupAndALateMessageGathersItsReplies() {
    List<MessageThreads.Row> rows =
        MessageThreads.of(
            List.of(
                message("orphan", "t9", "reply-message", "never-received", 1),
                message("early-reply", "t1", "reply-message", "late-first", 2),
                message("late-first", "t1", "new-message", null, 3)));

    assertThat(rows)
        .extracting(r -> r.message().messageHeaderId() + "@" + r.depth())
        .containsExactly("orphan@0", "late-first@0", "early-reply@1");
  }

  @Test
  void aReplyToALetterStafetSentIsMarkedAsSuch() {
    List<MessageThreads.Row> rows =
        MessageThreads.of(
            List.of(
                message("reply-to-us", "t1", "reply-message", "our-letter", 1),
                message("reply-elsewhere", "t2", "reply-message", "their-letter", 2)),
            java.util.Set.of("our-letter"));

    assertThat(rows).extracting(MessageThreads.Row::answersOurLetter).containsExactly(true, false);
  }

  @Test
  void lettersNamingEachOtherAreStillAllShown() {
    List<MessageThreads.Row> rows =
        MessageThreads.of(
            List.of(
                message("a", "t1", "reply-message", "b", 1),
                message("b", "t1", "reply-message", "a", 2)));

    assertThat(rows).hasSize(2);
  }

  private static Api.ReceivedMessage message(
      String id, String thread, String activity, String inResponseTo, int minutes) {
    return new Api.ReceivedMessage(
        "CARE_COMMUNICATION",
        id,
        "s",
        null,
        "r",
        null,
        T0.plusSeconds(60L * minutes),
        1,
        "ACCEPTED",
        "ok",
        thread == null ? null : "urn:uuid:" + thread,
        activity,
        inResponseTo,
        null);
  }
}
