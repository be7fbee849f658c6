package dk.stafet.responsibility.handover;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.OrgId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.handover.HandoverProposal;
import dk.stafet.responsibility.domain.handover.RelayHandover;
import dk.stafet.responsibility.domain.rules.PatientResponsibleDoctor;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.RuleId;
import dk.stafet.responsibility.domain.rules.TreatmentArrangement;
import java.util.Optional;

/**
 * Rebuilds the domain's {@link RelayHandover} from its stored row by replaying its own history: the
 * proposal against the decision that was in force when it was made (the proposer held PRD through
 * the stored course — it was checked then), then the stored answer or timeout. The domain has no
 * restore factory (see the report), and this keeps every state rule in the domain.
 */
final class HandoverRehydration {

  private HandoverRehydration() {}

  static RelayHandover rehydrate(HandoverRow row) {
    Organisation proposer = proposer(row);
    Organisation receiver = receiver(row);
    HandoverProposal proposal =
        new HandoverProposal(
            row.id.toString(),
            proposer,
            receiver,
            Optional.ofNullable(row.receivingDoctorId).map(DoctorId::of),
            row.reason,
            row.patientInformed,
            row.relativesInformed,
            row.proposedAt,
            row.respondBy);
    ResponsibilityDecision then =
        ResponsibilityDecision.held(
            PatientResponsibleDoctor.of(proposer),
            proposer.isHospital()
                ? TreatmentArrangement.HOSPITAL_24H
                : TreatmentArrangement.GP_OUT_OF_HOURS_SPLIT,
            RuleId.R23,
            RuleId.R23,
            new CourseRef(CourseKind.valueOf(row.courseKind), row.courseId));
    RelayHandover handover = RelayHandover.propose(proposal, then);
    switch (row.state) {
      case UNANSWERED -> handover.timeout(row.timedOutAt != null ? row.timedOutAt : row.respondBy);
      case ACCEPTED ->
          handover.accept(
              receiver, row.decidedAt, String.valueOf(row.acceptedEventId), channel(row));
      case REJECTED -> handover.reject(receiver, row.decidedAt);
      case VOID -> handover.voidOnDeath(row.decidedAt);
      default -> {}
    }
    return handover;
  }

  static Organisation proposer(HandoverRow row) {
    return new Organisation(OrgId.of(row.proposerSor), OrganisationKind.valueOf(row.proposerKind));
  }

  static Organisation receiver(HandoverRow row) {
    return new Organisation(OrgId.of(row.receiverSor), OrganisationKind.valueOf(row.receiverKind));
  }

  static Optional<AgreementChannel> channel(HandoverRow row) {
    return Optional.ofNullable(row.agreementChannel).map(AgreementChannel::valueOf);
  }
}
