package dk.stafet.responsibility.domain.handover;

import static dk.stafet.responsibility.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.ledger.ResponsibilityLedger;
import dk.stafet.responsibility.domain.rules.RuleId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** R23, R24 and R20 for structured relay handovers. */
class RelayHandoverTest {

  private static final Instant OPEN = cph("2026-03-23T09:00");
  private static final Instant PROPOSED = cph("2026-03-23T11:00");
  private static final Instant RESPOND_BY = cph("2026-03-24T11:00");

  private ResponsibilityLedger ledger;

  @BeforeEach
  void outpatientCourseAtDeptA() {
    ledger = new ResponsibilityLedger(PATIENT);
    ledger.record(listedGp(OPEN, GP), OPEN);
    ledger.record(outpatient(cph("2026-03-23T10:00"), "op", DEPT_A), OPEN);
  }

  private RelayHandover propose(Organisation from, Organisation to) {
    HandoverProposal p =
        new HandoverProposal(
            "h1",
            from,
            to,
            Optional.of(DOCTOR),
            "follow-up of wound",
            true,
            false,
            PROPOSED,
            RESPOND_BY);
    return RelayHandover.propose(p, ledger.decisionAt(PROPOSED));
  }

  private static void assertCode(Executable action, DomainErrorCode code) {
    assertThatThrownBy(action::execute)
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code))
        .hasMessageNotContaining("wound"); // no clinical text in messages
  }

  @Test
  void r23AcceptanceMovesResponsibilityAtTheAcceptanceInstant() {
    RelayHandover h = propose(DEPT_A, GP);
    assertThat(h.course().kind()).isEqualTo(CourseKind.OUTPATIENT);
    Instant acceptedAt = cph("2026-03-23T14:00");
    HandoverAccepted accepted = h.accept(GP, acceptedAt, id(), Optional.of(AgreementChannel.ORAL));
    ledger.record(accepted, acceptedAt);

    assertThat(h.state()).isEqualTo(HandoverState.ACCEPTED);
    assertThat(h.agreementChannel()).contains(AgreementChannel.ORAL);
    // until acceptance the old holder keeps PRD and treatment
    assertThat(ledger.decisionAt(acceptedAt.minusSeconds(1)).prd().orElseThrow().organisation())
        .isEqualTo(DEPT_A);
    var after = ledger.decisionAt(acceptedAt);
    assertThat(after.prd().orElseThrow().organisation()).isEqualTo(GP);
    assertThat(after.prd().orElseThrow().namedDoctor()).contains(DOCTOR);
    assertThat(after.decidedBy()).isEqualTo(RuleId.R23);
    // a GP receiver gets the GP/OOH split
    assertThat(
            after.treatmentSectorAt(
                cph("2026-03-23T17:00"), new dk.stafet.contracts.calendar.DanishCalendar()))
        .isEqualTo(dk.stafet.responsibility.domain.rules.TreatmentSector.OUT_OF_HOURS);
  }

  @Test
  void r23AcceptanceAfterTheDeadlineStillCounts() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    assertThat(h.timeout(RESPOND_BY)).isPresent();
    assertThat(h.state()).isEqualTo(HandoverState.UNANSWERED);
    Instant late = RESPOND_BY.plus(Duration.ofHours(5));
    ledger.record(h.accept(DEPT_B, late, id(), Optional.empty()), late);
    assertThat(ledger.decisionAt(late).prd().orElseThrow().organisation()).isEqualTo(DEPT_B);
  }

  @Test
  void r23HospitalToGpNeedsTheGpsAgreementChannel() {
    RelayHandover h = propose(DEPT_A, GP);
    assertCode(
        () -> h.accept(GP, cph("2026-03-23T14:00"), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_GP_AGREEMENT_CHANNEL_MISSING);
    assertThat(h.state()).isEqualTo(HandoverState.PROPOSED);
  }

  @Test
  void r24RejectionChangesNothingAndTellsTheProposer() {
    RelayHandover h = propose(DEPT_A, GP);
    HandoverRejected notice = h.reject(GP, cph("2026-03-23T14:00"));
    assertThat(notice.proposer()).isEqualTo(DEPT_A);
    assertThat(h.state()).isEqualTo(HandoverState.REJECTED);
    assertThat(ledger.decisionAt(cph("2026-03-23T15:00")).prd().orElseThrow().organisation())
        .isEqualTo(DEPT_A);
  }

  @Test
  void r24TimeoutRaisesTheAlarmOnceAtRespondByAndTransfersNothing() {
    RelayHandover h = propose(DEPT_A, GP);
    assertThat(h.timeout(RESPOND_BY.minusSeconds(1))).isEmpty();
    assertThat(h.timeout(RESPOND_BY))
        .hasValueSatisfying(
            a -> {
              assertThat(a.name()).isEqualTo("handover-unanswered");
              assertThat(a.proposer()).isEqualTo(DEPT_A);
            });
    assertThat(h.timeout(RESPOND_BY.plusSeconds(60))).isEmpty();
    assertThat(ledger.decisionAt(RESPOND_BY.plusSeconds(60)).prd().orElseThrow().organisation())
        .isEqualTo(DEPT_A);
  }

  @Test
  void onlyTheCurrentHolderMayPropose() {
    assertCode(() -> propose(GP, DEPT_B), DomainErrorCode.HANDOVER_NOT_CURRENT_HOLDER);
  }

  @Test
  void proposingToOneselfIsRefused() {
    assertCode(() -> propose(DEPT_A, DEPT_A), DomainErrorCode.HANDOVER_TO_SELF);
  }

  @Test
  void r16MunicipalityCannotReceive() {
    assertCode(
        () -> propose(DEPT_A, MUNICIPALITY), DomainErrorCode.HANDOVER_RECEIVER_CANNOT_HOLD_PRD);
  }

  @Test
  void deadlineMustFollowTheProposal() {
    HandoverProposal p =
        new HandoverProposal(
            "h2", DEPT_A, GP, Optional.empty(), "x", true, true, PROPOSED, PROPOSED);
    assertCode(
        () -> RelayHandover.propose(p, ledger.decisionAt(PROPOSED)),
        DomainErrorCode.HANDOVER_INVALID_DEADLINE);
  }

  @Test
  void anAdmissionOnlyMovesToAnotherHospitalDepartment() {
    ledger.record(admit(cph("2026-03-23T10:30"), "adm", DEPT_A), OPEN);
    assertCode(() -> propose(DEPT_A, GP), DomainErrorCode.HANDOVER_ADMISSION_TO_NON_HOSPITAL);
    RelayHandover h = propose(DEPT_A, DEPT_B);
    Instant at = cph("2026-03-23T12:00");
    ledger.record(h.accept(DEPT_B, at, id(), Optional.empty()), at);
    assertThat(ledger.decisionAt(at).prd().orElseThrow().organisation()).isEqualTo(DEPT_B);
    assertThat(ledger.decisionAt(at).decidedBy()).isEqualTo(RuleId.R23);
  }

  @Test
  void acceptingTwiceIsRefused() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    h.accept(DEPT_B, cph("2026-03-23T12:00"), id(), Optional.empty());
    assertCode(
        () -> h.accept(DEPT_B, cph("2026-03-23T12:01"), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_ALREADY_ACCEPTED);
    assertCode(
        () -> h.reject(DEPT_B, cph("2026-03-23T12:01")), DomainErrorCode.HANDOVER_ALREADY_ACCEPTED);
  }

  @Test
  void acceptingAfterRejectionIsRefused() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    h.reject(DEPT_B, cph("2026-03-23T12:00"));
    assertCode(
        () -> h.accept(DEPT_B, cph("2026-03-23T12:01"), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_ALREADY_REJECTED);
  }

  @Test
  void onlyTheReceiverMayAnswer() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    assertCode(
        () -> h.accept(GP, cph("2026-03-23T12:00"), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_NOT_RECEIVER);
    assertCode(
        () -> h.reject(DEPT_A, cph("2026-03-23T12:00")), DomainErrorCode.HANDOVER_NOT_RECEIVER);
  }

  @Test
  void answerBeforeTheProposalIsRefused() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    assertCode(
        () -> h.accept(DEPT_B, PROPOSED.minusSeconds(1), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_BEFORE_PROPOSAL);
  }

  @Test
  void r20DeathMakesPendingHandoversVoid() {
    PatientHandovers handovers = new PatientHandovers();
    RelayHandover pending = propose(DEPT_A, DEPT_B);
    handovers.add(pending);
    Instant death = cph("2026-03-23T13:00");
    ledger.record(death(death), death);
    handovers.voidAllOnDeath(death);
    assertThat(pending.state()).isEqualTo(HandoverState.VOID);
    assertThat(handovers.pending()).isEmpty();
    assertCode(
        () -> pending.accept(DEPT_B, cph("2026-03-23T14:00"), id(), Optional.empty()),
        DomainErrorCode.HANDOVER_VOID);
    assertCode(
        () -> pending.reject(DEPT_B, cph("2026-03-23T14:00")), DomainErrorCode.HANDOVER_VOID);
    assertThat(pending.timeout(RESPOND_BY)).isEmpty();
    // and no new proposals after death
    HandoverProposal p =
        new HandoverProposal(
            "h3",
            DEPT_A,
            DEPT_B,
            Optional.empty(),
            "x",
            true,
            true,
            cph("2026-03-23T14:00"),
            RESPOND_BY);
    assertCode(
        () -> RelayHandover.propose(p, ledger.decisionAt(cph("2026-03-23T14:00"))),
        DomainErrorCode.HANDOVER_VOID);
  }

  @Test
  void r20AnAcceptanceRecordedAfterDeathMovesNothing() {
    RelayHandover h = propose(DEPT_A, DEPT_B);
    Instant death = cph("2026-03-23T13:00");
    ledger.record(death(death), death);
    // accepted in a system that did not yet know of the death (arrives late in the ledger)
    Instant at = cph("2026-03-23T14:00");
    ledger.record(h.accept(DEPT_B, at, id(), Optional.empty()), at);
    assertThat(ledger.decisionAt(at).isDeceased()).isTrue();
  }

  @Test
  void gpHolderCanHandOverWithoutACourse() {
    ResponsibilityLedger gpOnly = new ResponsibilityLedger(PATIENT);
    gpOnly.record(listedGp(OPEN, GP), OPEN);
    HandoverProposal p =
        new HandoverProposal(
            "h4", GP, DEPT_B, Optional.empty(), "x", true, true, PROPOSED, RESPOND_BY);
    RelayHandover h = RelayHandover.propose(p, gpOnly.decisionAt(PROPOSED));
    assertThat(h.course().kind()).isEqualTo(CourseKind.LISTED_GP);
    Instant at = cph("2026-03-23T12:00");
    gpOnly.record(h.accept(DEPT_B, at, id(), Optional.empty()), at);
    assertThat(gpOnly.decisionAt(at).prd().orElseThrow().organisation()).isEqualTo(DEPT_B);
    assertThat(gpOnly.decisionAt(at).decidedBy()).isEqualTo(RuleId.R23);
  }

  @Test
  void gapHasNoHolderToProposeFrom() {
    ResponsibilityLedger empty = new ResponsibilityLedger(PATIENT);
    HandoverProposal p =
        new HandoverProposal(
            "h5", GP, DEPT_B, Optional.empty(), "x", true, true, PROPOSED, RESPOND_BY);
    assertCode(
        () -> RelayHandover.propose(p, empty.decisionAt(PROPOSED)),
        DomainErrorCode.HANDOVER_NO_HOLDER);
  }
}
