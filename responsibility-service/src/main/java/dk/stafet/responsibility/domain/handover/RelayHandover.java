package dk.stafet.responsibility.domain.handover;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.rules.PatientResponsibleDoctor;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A structured relay handover [struktureret stafetoverdragelse] (R23, R24; 000).
 *
 * <pre>
 *   PROPOSED --accept--> ACCEPTED          (responsibility moves at the acceptance instant)
 *   PROPOSED --reject--> REJECTED          (nothing changes; proposer told)
 *   PROPOSED --timeout--> UNANSWERED       (nothing changes; alarm handover-unanswered)
 *   UNANSWERED --accept/reject--> …        (a late acceptance still counts, R23)
 *   PROPOSED/UNANSWERED --death--> VOID    (R20)
 * </pre>
 *
 * Accepting returns a {@link HandoverAccepted} event to record in the patient's ledger: the ledger,
 * not this object, moves responsibility. Errors are {@link DomainException}s with a code and no
 * patient data. Not thread-safe: commands for one patient are serialised by the caller.
 */
public final class RelayHandover {

  private final HandoverProposal proposal;
  private final CourseRef course;
  private HandoverState state = HandoverState.PROPOSED;
  private Instant decidedAt;
  private Optional<AgreementChannel> agreementChannel = Optional.empty();

  private RelayHandover(HandoverProposal proposal, CourseRef course) {
    this.proposal = proposal;
    this.course = course;
  }

  /**
   * R23: only the current holder may propose. {@code current} is the decision in force at {@code
   * proposal.proposedAt()} (from the ledger); its deciding course is what will move.
   */
  public static RelayHandover propose(HandoverProposal proposal, ResponsibilityDecision current) {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(current, "current");
    String id = proposal.handoverId();
    if (current.isDeceased()) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_VOID, "handover " + id + ": patient deceased (R20)");
    }
    PatientResponsibleDoctor holder =
        current
            .prd()
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainErrorCode.HANDOVER_NO_HOLDER,
                        "handover " + id + ": nobody holds PRD (gap, R26)"));
    if (!holder.organisation().id().equals(proposal.proposer().id())) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_NOT_CURRENT_HOLDER,
          "handover " + id + ": " + proposal.proposer().id() + " is not the current holder");
    }
    if (proposal.receiver().id().equals(proposal.proposer().id())) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_TO_SELF,
          "handover " + id + ": receiver is the proposer (name a doctor with R27 instead)");
    }
    if (!proposal.receiver().kind().mayHoldPrd()) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_RECEIVER_CANNOT_HOLD_PRD,
          "handover " + id + ": a " + proposal.receiver().kind() + " cannot hold PRD (R16)");
    }
    CourseRef course = current.decidingCourse().orElse(CourseRef.LISTED_GP);
    if (course.kind() == CourseKind.ADMISSION && !proposal.receiver().isHospital()) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_ADMISSION_TO_NON_HOSPITAL,
          "handover " + id + ": an admission can only move to another hospital department (R6)");
    }
    if (!proposal.respondBy().isAfter(proposal.proposedAt())) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_INVALID_DEADLINE,
          "handover " + id + ": respond-by must be after the proposal");
    }
    return new RelayHandover(proposal, course);
  }

  /**
   * R23: the proposed receiver accepts at {@code at} (even after respond-by). A hospital handing
   * over to a GP needs the GP's agreement; its channel (oral allowed) must be given.
   *
   * @return the event to record in the ledger; responsibility moves at {@code at}
   */
  public HandoverAccepted accept(
      Organisation by, Instant at, String eventId, Optional<AgreementChannel> channel) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
    requireActionable(by, at);
    if (proposal.proposer().isHospital()
        && proposal.receiver().kind() == OrganisationKind.GP
        && channel.isEmpty()) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_GP_AGREEMENT_CHANNEL_MISSING,
          "handover " + id() + ": record how the GP agreed (e.g. ORAL, ELECTRONIC)");
    }
    state = HandoverState.ACCEPTED;
    decidedAt = at;
    agreementChannel = channel;
    return new HandoverAccepted(
        eventId,
        at,
        id(),
        course,
        proposal.proposer(),
        proposal.receiver(),
        proposal.receivingDoctor(),
        channel);
  }

  /** R24: the receiver rejects; nothing changes and the proposer is told (C6). */
  public HandoverRejected reject(Organisation by, Instant at) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    requireActionable(by, at);
    state = HandoverState.REJECTED;
    decidedAt = at;
    return new HandoverRejected(id(), proposal.proposer(), proposal.receiver(), at);
  }

  /**
   * R24: called by a scheduler. At or after respond-by an unanswered proposal raises the alarm
   * once; nothing is transferred. Before the deadline, or once answered, it does nothing.
   */
  public Optional<HandoverUnansweredAlarm> timeout(Instant now) {
    Objects.requireNonNull(now, "now");
    if (state != HandoverState.PROPOSED || now.isBefore(proposal.respondBy())) {
      return Optional.empty();
    }
    state = HandoverState.UNANSWERED;
    return Optional.of(
        new HandoverUnansweredAlarm(
            id(), proposal.proposer(), proposal.receiver(), proposal.respondBy()));
  }

  /** R20: death makes a pending handover void; answered handovers stay as they were. */
  public void voidOnDeath(Instant deathAt) {
    Objects.requireNonNull(deathAt, "deathAt");
    if (state.isPending()) {
      state = HandoverState.VOID;
      decidedAt = deathAt;
    }
  }

  private void requireActionable(Organisation by, Instant at) {
    switch (state) {
      case VOID:
        throw new DomainException(
            DomainErrorCode.HANDOVER_VOID, "handover " + id() + " is void (R20)");
      case ACCEPTED:
        throw new DomainException(
            DomainErrorCode.HANDOVER_ALREADY_ACCEPTED,
            "handover " + id() + " was already accepted");
      case REJECTED:
        throw new DomainException(
            DomainErrorCode.HANDOVER_ALREADY_REJECTED,
            "handover " + id() + " was already rejected");
      default:
        break;
    }
    if (!by.id().equals(proposal.receiver().id())) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_NOT_RECEIVER,
          "handover " + id() + ": only the proposed receiver may answer");
    }
    if (at.isBefore(proposal.proposedAt())) {
      throw new DomainException(
          DomainErrorCode.HANDOVER_BEFORE_PROPOSAL,
          "handover " + id() + ": answer precedes the proposal");
    }
  }

  public String id() {
    return proposal.handoverId();
  }

  public HandoverProposal proposal() {
    return proposal;
  }

  /** The course that moves on acceptance (the proposer's deciding course at proposal time). */
  public CourseRef course() {
    return course;
  }

  public HandoverState state() {
    return state;
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  public Optional<AgreementChannel> agreementChannel() {
    return agreementChannel;
  }

  public Optional<DoctorId> receivingDoctor() {
    return proposal.receivingDoctor();
  }
}
