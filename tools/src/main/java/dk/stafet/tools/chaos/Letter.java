package dk.stafet.tools.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One MedCom letter of the chaos run as its sender keeps track of it: the letter id
 * (MessageHeader.id), whether it was built valid, the door it went through, every envelope
 * (Bundle.id) it was sent in and every answer it got. Holds no CPR number: the run file is written
 * from these.
 */
final class Letter {

  enum Kind {
    HOSPITAL_NOTIFICATION,
    CARE_COMMUNICATION
  }

  enum Door {
    HTTP,
    KAFKA
  }

  final String id;
  final Kind kind;

  /** The HospitalNotification code (STIN, SLHJ) or the CareCommunication category. */
  final String code;

  final boolean valid;
  final Door door;
  final String senderGln;
  final String receiverGln;
  final List<String> envelopes = new ArrayList<>();

  /**
   * Answers as received: ok, fatal-error, transient-error (HTTP responses and acknowledgements on
   * the sender's topic).
   */
  final List<String> answers = new ArrayList<>();

  /**
   * Times the sender sent it again: an unanswered HTTP request retried, a missing acknowledgement,
   * a transient-error.
   */
  int resends;

  /**
   * Sent again on purpose after its answer: the same envelope (a redelivery) or a retransmission (a
   * new one).
   */
  int deliberateDuplicates;

  Letter(
      String id,
      Kind kind,
      String code,
      boolean valid,
      Door door,
      String senderGln,
      String receiverGln) {
    this.id = id;
    this.kind = kind;
    this.code = code;
    this.valid = valid;
    this.door = door;
    this.senderGln = senderGln;
    this.receiverGln = receiverGln;
  }

  synchronized void sentIn(String bundleId) {
    envelopes.add(bundleId);
  }

  synchronized void answered(String code) {
    answers.add(code);
  }

  /** The first final answer (ok or fatal-error), or null while there is none. */
  synchronized String finalAnswer() {
    return answers.stream().filter(a -> !"transient-error".equals(a)).findFirst().orElse(null);
  }

  synchronized List<String> envelopes() {
    return List.copyOf(envelopes);
  }

  synchronized List<String> answers() {
    return List.copyOf(answers);
  }
}
