package dk.stafet.contracts.medcom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-only value types exposed by {@link MedcomMessage}. Kept in one file because each is a few
 * lines; none of their {@code toString()}s prints CPR numbers, names or clinical text.
 */
public final class MedcomViews {

  private MedcomViews() {}

  public record IdentifierView(String system, String value) {}

  /** An Organization in the Bundle; SOR and GLN are what MedCom routes on. */
  public record OrganisationView(String resourceId, String sor, String gln, String name) {
    public Optional<String> sorCode() {
      return Optional.ofNullable(sor);
    }
  }

  /** MessageHeader.destination; use is "primary" or "cc" from the destinationUse extension. */
  public record DestinationView(String use, String endpoint, OrganisationView receiver) {
    public boolean isPrimary() {
      return "primary".equals(use);
    }
  }

  public record PatientView(
      String cpr,
      List<IdentifierView> otherIdentifiers,
      String familyName,
      List<String> givenNames,
      Boolean deceased) {
    public Optional<String> cprValue() {
      return Optional.ofNullable(cpr);
    }

    @Override
    public String toString() {
      return "PatientView[cpr="
          + (cpr == null ? "none" : "CPR(******-****)")
          + ", otherIdentifiers="
          + otherIdentifiers.size()
          + ", name=***, deceased="
          + deceased
          + "]";
    }
  }

  public record EncounterView(
      String status,
      String classCode,
      Instant periodStart,
      Instant periodEnd,
      List<IdentifierView> episodeOfCareIdentifiers,
      OrganisationView serviceProvider,
      Instant leaveStart,
      Instant leaveEnd) {
    public boolean hasLeavePeriod() {
      return leaveStart != null || leaveEnd != null;
    }
  }

  /** The CareCommunication; texts and topic are clinical and kept out of toString(). */
  public record CommunicationView(
      String identifier,
      String category,
      String priority,
      String topicText,
      List<String> payloadTexts,
      int attachmentCount) {
    public int payloadTextCount() {
      return payloadTexts.size();
    }

    @Override
    public String toString() {
      return "CommunicationView[identifier="
          + identifier
          + ", category="
          + category
          + ", priority="
          + priority
          + ", topic="
          + (topicText == null ? "none" : "***")
          + ", payloadTexts="
          + payloadTexts.size()
          + ", attachments="
          + attachmentCount
          + "]";
    }
  }

  /**
   * entity.what is either a reference (MessageHeader/<id>) or an identifier (payload segment,
   * EDIFACT letter).
   */
  public record ProvenanceEntityView(String role, String reference, String identifier) {}

  public record ProvenanceView(
      String resourceId,
      String activityCode,
      String target,
      Instant occurred,
      Instant recorded,
      String agentReference,
      List<ProvenanceEntityView> entities) {
    /** The MessageHeader id in {@code target}, without the "MessageHeader/" prefix. */
    public String targetMessageHeaderId() {
      return target == null ? null : target.substring(target.lastIndexOf('/') + 1);
    }
  }

  /**
   * Where a CareCommunication stands in its thread (medcom-spec.md §3): the thread id
   * (Communication.identifier, kept on reply, new on forward), the activity of the message's own
   * Provenance ({@code new-message}, {@code reply-message} or {@code forward-message}) and the
   * earlier message it answers or forwards (the {@code revision} entity): a MessageHeader id, or
   * for an EDIFACT/OIOXML predecessor its {@code <GLN>#<letter id>} identifier.
   */
  public record ThreadView(
      String threadId,
      String activity,
      String precedingMessageHeaderId,
      String precedingLetterIdentifier) {
    public static final String NEW = "new-message";
    public static final String REPLY = "reply-message";
    public static final String FORWARD = "forward-message";

    public boolean isReply() {
      return REPLY.equals(activity);
    }

    public boolean isForward() {
      return FORWARD.equals(activity);
    }

    /** A reply or forward: it refers to an earlier message. */
    public boolean continuesEarlierMessage() {
      return isReply() || isForward();
    }
  }

  /** MessageHeader.response of an acknowledgement with its OperationOutcome issues. */
  public record AcknowledgementResponseView(
      String identifier, String code, List<MedcomIssue> issues) {}
}
