package dk.stafet.web.view;

import dk.stafet.web.client.Api;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The received messages of a patient as MedCom asks a receiver to show CareCommunications
 * (medcom-spec.md §3, GOV-CC): grouped by thread, each reply or forward under the message it
 * answers, in the order they were received. A reply whose earlier message is not in the list (not
 * received by Stafet, or not visible to the reader) opens its own group; a late earlier message
 * still gathers its replies under it, so crossing messages join their thread. A reply to a letter
 * Stafet sent itself (the front door does not know those) is marked as such instead of flagged.
 */
public final class MessageThreads {

  /** One message in display order, at {@code depth} under the message it answers. */
  @TemplateData
  public record Row(Api.ReceivedMessage message, int depth, boolean answersOurLetter) {
    public boolean reply() {
      return "reply-message".equals(message.threadActivity());
    }

    public boolean forward() {
      return "forward-message".equals(message.threadActivity());
    }

    /** The first 8 characters of the thread id: enough to tell threads apart on one page. */
    public String shortThread() {
      String id = message.threadId();
      if (id == null) {
        return null;
      }
      String bare = id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
      return bare.length() > 8 ? bare.substring(0, 8) : bare;
    }
  }

  private static final Comparator<Api.ReceivedMessage> RECEIVED =
      Comparator.comparing(
          Api.ReceivedMessage::receivedAt,
          Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

  private MessageThreads() {}

  public static List<Row> of(List<Api.ReceivedMessage> messages) {
    return of(messages, Set.of());
  }

  /**
   * @param ourLetters the MessageHeader ids of the letters Stafet sent about the patient
   */
  public static List<Row> of(List<Api.ReceivedMessage> messages, Set<String> ourLetters) {
    Set<String> present = new HashSet<>();
    messages.forEach(m -> present.add(m.messageHeaderId()));
    Map<String, List<Api.ReceivedMessage>> answers = new HashMap<>();
    List<Api.ReceivedMessage> roots = new ArrayList<>();
    for (Api.ReceivedMessage m : messages) {
      if (m.inResponseTo() != null
          && present.contains(m.inResponseTo())
          && !m.inResponseTo().equals(m.messageHeaderId())) {
        answers.computeIfAbsent(m.inResponseTo(), k -> new ArrayList<>()).add(m);
      } else {
        roots.add(m);
      }
    }
    List<Row> rows = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    roots.stream()
        .sorted(RECEIVED)
        .forEach(root -> addWithAnswers(root, 0, answers, ourLetters, rows, shown));
    // A cycle of letters naming each other (only a broken sender makes one) is still shown.
    messages.stream()
        .filter(m -> !shown.contains(m.messageHeaderId()))
        .sorted(RECEIVED)
        .forEach(m -> addWithAnswers(m, 0, answers, ourLetters, rows, shown));
    return rows;
  }

  private static void addWithAnswers(
      Api.ReceivedMessage message,
      int depth,
      Map<String, List<Api.ReceivedMessage>> answers,
      Set<String> ourLetters,
      List<Row> rows,
      Set<String> shown) {
    if (!shown.add(message.messageHeaderId())) {
      return;
    }
    rows.add(
        new Row(
            message,
            depth,
            message.inResponseTo() != null && ourLetters.contains(message.inResponseTo())));
    answers.getOrDefault(message.messageHeaderId(), List.of()).stream()
        .sorted(RECEIVED)
        .forEach(answer -> addWithAnswers(answer, depth + 1, answers, ourLetters, rows, shown));
  }
}
