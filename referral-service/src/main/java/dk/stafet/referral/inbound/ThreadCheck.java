package dk.stafet.referral.inbound;

import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomIssue.Severity;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.medcom.MedcomViews.ThreadView;
import dk.stafet.contracts.medcom.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MedCom's thread rules for a CareCommunication that replies to or forwards an earlier message
 * (medcom-spec.md §3; decisions in docs/front-door.md, "CareCommunication threads"). When the front
 * door received that earlier message, a reply must go back to its sender from its receiver, a
 * forward must come from one of its parties, and both must be about the same patient: otherwise the
 * message is refused with a fatal-error naming the earlier message, since delivering it would put
 * the thread in front of an organisation that is no party to it. An earlier message the front door
 * never saw (sent before Stafet, by Stafet itself, over EDIFACT, or still on its way) does not stop
 * the reply: MedCom's display rule files it under its thread id anyway, so it is accepted and
 * flagged. Runs in the caller's transaction.
 */
final class ThreadCheck {

  /** Why a thread needs a human look; stored with the message and shown on its timeline. */
  enum Note {
    /** The earlier message is not one the front door accepted: accepted, shown in its thread. */
    EARLIER_MESSAGE_UNKNOWN,
    /** A reply with another thread id than the message it answers: filed under its own id. */
    REPLY_CHANGED_THREAD_ID,
    /** A forward that kept the thread id MedCom asks it to renew. */
    FORWARD_KEPT_THREAD_ID
  }

  record Result(Optional<ThreadView> thread, List<MedcomIssue> issues, Note note) {}

  private static final String PRECEDING =
      "Bundle.entry.resource.ofType(Provenance).entity.where(role = 'revision').what";

  private ThreadCheck() {}

  static Result check(MedcomMessage message, String patientKey) {
    Optional<ThreadView> thread = message.careCommunicationThread();
    if (thread.isEmpty() || !thread.get().continuesEarlierMessage()) {
      return new Result(thread, List.of(), null);
    }
    ThreadView view = thread.get();
    Optional<ReceivedMessage> earlier =
        Optional.ofNullable(view.precedingMessageHeaderId())
            .flatMap(ReceivedMessage::findByHeaderId)
            .filter(m -> m.outcome == ReceivedMessage.Outcome.ACCEPTED)
            .filter(m -> MessageType.CARE_COMMUNICATION.name().equals(m.messageType));
    if (earlier.isEmpty()) {
      return new Result(thread, List.of(), Note.EARLIER_MESSAGE_UNKNOWN);
    }
    ReceivedMessage answered = earlier.get();
    List<MedcomIssue> issues = new ArrayList<>();
    Optional<OrganisationView> sender = message.sender();
    Optional<OrganisationView> receiver = message.primaryReceiver().map(d -> d.receiver());
    String named = "MessageHeader/" + answered.messageHeaderId;
    if (!Objects.equals(answered.patientKey, patientKey)) {
      issues.add(error(named + " is about another patient; a thread is about one patient"));
    } else if (view.isReply()) {
      if (!receiver.map(r -> same(r, answered.senderGln, answered.senderSor)).orElse(false)) {
        issues.add(
            error(
                "A reply goes back to the sender of the message it answers: "
                    + named
                    + " came from "
                    + party(answered.senderGln, answered.senderSor)));
      }
      if (!sender.map(s -> same(s, answered.receiverGln, answered.receiverSor)).orElse(false)) {
        issues.add(
            error(
                "Only the receiver of a message can reply to it: "
                    + named
                    + " went to "
                    + party(answered.receiverGln, answered.receiverSor)));
      }
    }
    // A forward is not checked against the parties of the message it names: MedCom's own example
    // (Bundle-d11968f5) forwards again, from the organisation a forward reached, naming the
    // original letter. It goes to the new recipient its MessageHeader names, like any message.
    Note note = null;
    if (view.isReply() && !Objects.equals(view.threadId(), answered.threadId)) {
      note = Note.REPLY_CHANGED_THREAD_ID;
    } else if (view.isForward() && Objects.equals(view.threadId(), answered.threadId)) {
      note = Note.FORWARD_KEPT_THREAD_ID;
    }
    return new Result(thread, issues, note);
  }

  /**
   * The same party: the same SOR code, or the same GLN — what MedCom routes by, shared by a
   * department without a GLN of its own and the parent it sends from (medcom-spec.md §1).
   */
  private static boolean same(OrganisationView organisation, String gln, String sor) {
    return organisation.sor() != null && organisation.sor().equals(sor)
        || organisation.gln() != null && organisation.gln().equals(gln);
  }

  private static String party(String gln, String sor) {
    return gln != null ? "GLN " + gln : "SOR " + sor;
  }

  private static MedcomIssue error(String diagnostics) {
    return MedcomIssue.hl7(Severity.ERROR, "business-rule", null, PRECEDING, diagnostics);
  }
}
