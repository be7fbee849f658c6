package dk.stafet.responsibility.domain.ledger;

import static dk.stafet.responsibility.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.rules.CalleeRole;
import dk.stafet.responsibility.domain.rules.RuleId;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ledger semantics: half-open intervals, append-only corrections (R8, late events), idempotence,
 * R27.
 */
class ResponsibilityLedgerTest {

  private static final Instant MON_0900 = cph("2026-03-23T09:00");
  private static final Instant MON_1000 = cph("2026-03-23T10:00");
  private static final Instant MON_1200 = cph("2026-03-23T12:00");
  private static final Instant TUE_1000 = cph("2026-03-24T10:00");
  private static final Instant REC_1 = cph("2026-03-23T09:00:05");
  private static final Instant REC_2 = cph("2026-03-25T09:00");

  private final ResponsibilityLedger ledger = new ResponsibilityLedger(PATIENT);
  private final WhoToCallPolicy policy = new WhoToCallPolicy(new DanishCalendar(), OOH);

  @Test
  void halfOpenIntervalsAQueryAtTheEventInstantSeesTheNewState() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admit(MON_1000, "adm", DEPT_A), REC_1);
    assertThat(ledger.decisionAt(MON_1000.minusNanos(1)).decidedBy()).isEqualTo(RuleId.R5);
    assertThat(ledger.decisionAt(MON_1000).decidedBy()).isEqualTo(RuleId.R6);
    assertThat(ledger.currentView()).hasSize(2);
    assertThat(ledger.currentView().get(0).validTo()).contains(MON_1000);
    assertThat(ledger.currentView().get(1).validFrom()).isEqualTo(MON_1000);
    assertThat(ledger.currentView().get(1).validTo()).isEmpty();
  }

  @Test
  void beforeTheFirstFactTheAnswerIsAnExplicitGap() {
    assertThat(ledger.decisionAt(MON_0900).isGap()).isTrue();
    ledger.record(listedGp(MON_0900, GP), REC_1);
    assertThat(ledger.decisionAt(MON_0900.minusSeconds(1)).alarm()).isPresent();
    assertThat(ledger.decisionAt(MON_0900).isGap()).isFalse();
  }

  @Test
  void entriesAreNeverUpdatedInPlace() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    LedgerEntry first = ledger.entries().get(0);
    ledger.record(admit(MON_1000, "adm", DEPT_A), REC_1);
    assertThat(ledger.entries().get(0)).isEqualTo(first);
    assertThat(first.validTo()).isEmpty();
    // the closing is a new entry that supersedes the open one
    LedgerEntry closing =
        ledger.entries().stream()
            .filter(e -> e.reason() == EntryReason.INTERVAL_CLOSED)
            .findFirst()
            .orElseThrow();
    assertThat(closing.supersedes()).containsExactly(first.entryNo());
    assertThat(closing.validTo()).contains(MON_1000);
  }

  @Test
  void r8CancellationIsACorrectionAndTheAuditKeepsBothRecords() {
    CourseEvent admission = admit(MON_1000, "adm", DEPT_A);
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admission, REC_1);
    List<LedgerEntry> before = ledger.entries();
    RecordOutcome outcome = ledger.record(cancel(MON_1200, "adm"), REC_2);

    assertThat(outcome.changedHistory()).isTrue();
    assertThat(outcome.appended()).allMatch(e -> e.reason() == EntryReason.CANCELLATION_CORRECTION);
    // never happened, at every instant — also before the cancellation was registered
    assertThat(ledger.decisionAt(MON_1000).decidedBy()).isEqualTo(RuleId.R5);
    assertThat(ledger.currentView()).hasSize(1);
    // the audit log still has the admission entry
    assertThat(ledger.entries()).containsAll(before);
    assertThat(ledger.entries()).anyMatch(e -> e.decision().decidedBy() == RuleId.R6);
    // and what we believed before the correction is still answerable
    assertThat(ledger.viewAsRecordedAt(REC_1)).anyMatch(e -> e.decision().decidedBy() == RuleId.R6);
    assertThat(ledger.viewAsRecordedAt(REC_2))
        .noneMatch(e -> e.decision().decidedBy() == RuleId.R6);
    assertThat(outcome.appended().get(0).recordedForEventId()).isNotEqualTo(admission.eventId());
  }

  @Test
  void lateEventsCorrectHistoryForEventTime() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(discharge(MON_1200, "adm"), REC_1); // discharge arrives first
    assertThat(ledger.decisionAt(MON_1000).decidedBy()).isEqualTo(RuleId.R5);
    RecordOutcome outcome =
        ledger.record(admit(MON_1000, "adm", DEPT_A), REC_2); // admission arrives late
    assertThat(outcome.changedHistory()).isTrue();
    assertThat(outcome.appended()).allMatch(e -> e.reason() == EntryReason.LATE_EVENT_CORRECTION);
    assertThat(ledger.decisionAt(MON_1000).prd().orElseThrow().organisation()).isEqualTo(DEPT_A);
    assertThat(ledger.decisionAt(MON_1200).decidedBy()).isEqualTo(RuleId.R9);
    assertThat(ledger.currentView())
        .extracting(e -> e.decision().decidedBy())
        .containsExactly(RuleId.R5, RuleId.R6, RuleId.R9);
    assertThat(outcome.appended()).allMatch(e -> e.recordedAt().equals(REC_2));
  }

  @Test
  void duplicateDeliveryIsIdempotentAndAConflictingIdIsRefused() {
    CourseEvent gp = listedGp(MON_0900, GP);
    ledger.record(gp, REC_1);
    assertThat(ledger.record(gp, REC_2).duplicate()).isTrue();
    assertThat(ledger.entries()).hasSize(1);
    CourseEvent other = new CourseEvent.Death(gp.eventId(), MON_1000);
    assertThatThrownBy(() -> ledger.record(other, REC_2))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).code())
                    .isEqualTo(DomainErrorCode.EVENT_ID_CONFLICT));
  }

  @Test
  void r20NothingAfterDeathEvenIfDeathArrivesLate() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admit(MON_1200, "adm", DEPT_A), REC_1);
    ledger.record(death(MON_1000), REC_2);
    assertThat(ledger.decisionAt(MON_1200).isDeceased()).isTrue();
    assertThat(ledger.decisionAt(TUE_1000).isDeceased()).isTrue();
    assertThat(ledger.whoToCall(TUE_1000, policy).role()).isEqualTo(CalleeRole.NOBODY);
  }

  @Test
  void r27NamedDoctorOnlyFromTheHolderAndItLapsesWhenPrdMoves() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admit(MON_1000, "adm", DEPT_A), REC_1);
    assertThatThrownBy(
            () ->
                ledger.assignResponsibleDoctor(assign(cph("2026-03-23T11:00"), GP, DOCTOR), REC_1))
        .isInstanceOf(DomainException.class)
        .satisfies(
            e ->
                assertThat(((DomainException) e).code())
                    .isEqualTo(DomainErrorCode.ASSIGNMENT_FROM_NON_HOLDER));
    ledger.assignResponsibleDoctor(assign(cph("2026-03-23T11:00"), DEPT_A, DOCTOR), REC_1);
    assertThat(ledger.decisionAt(cph("2026-03-23T11:00")).prd().orElseThrow().namedDoctor())
        .contains(DOCTOR);
    assertThat(ledger.decisionAt(cph("2026-03-23T10:59")).prd().orElseThrow().namedDoctor())
        .isEmpty();
    ledger.record(discharge(MON_1200, "adm"), REC_1);
    assertThat(ledger.decisionAt(MON_1200).prd().orElseThrow().namedDoctor()).isEmpty();
    // R27 does not move responsibility to another organisation
    assertThat(ledger.decisionAt(cph("2026-03-23T11:30")).prd().orElseThrow().organisation())
        .isEqualTo(DEPT_A);
  }

  @Test
  void r27AssignmentFromANonHolderRecordedRawIsIgnoredByTheReplay() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admit(MON_1000, "adm", DEPT_A), REC_1);
    ledger.record(assign(cph("2026-03-23T11:00"), GP, DOCTOR), REC_1);
    assertThat(ledger.decisionAt(cph("2026-03-23T11:00")).prd().orElseThrow().organisation())
        .isEqualTo(DEPT_A);
    assertThat(ledger.decisionAt(cph("2026-03-23T11:00")).prd().orElseThrow().namedDoctor())
        .isEmpty();
  }

  @Test
  void whoToCallHoldsUntilTheSoonerOfTheGpBoundaryAndTheNextChange() {
    ledger.record(listedGp(MON_0900, GP), REC_1);
    ledger.record(admit(cph("2026-03-23T14:00"), "adm", DEPT_A), REC_1);
    WhoToCall call = ledger.whoToCall(MON_1000, policy);
    assertThat(call.organisation()).contains(GP);
    assertThat(call.validUntil()).contains(cph("2026-03-23T14:00"));
    WhoToCall hospital = ledger.whoToCall(cph("2026-03-23T15:00"), policy);
    assertThat(hospital.role()).isEqualTo(CalleeRole.HOSPITAL_DEPARTMENT_24H);
    assertThat(hospital.validUntil()).isEmpty();
    ledger.record(discharge(TUE_1000, "adm"), REC_1);
    assertThat(ledger.whoToCall(cph("2026-03-23T15:00"), policy).validUntil()).contains(TUE_1000);
    ResponsibilityAnswer answer = ledger.answerAt(cph("2026-03-24T17:00"), policy);
    assertThat(answer.whoToCall().organisation()).contains(OOH);
    assertThat(answer.whoToCall().validUntil()).contains(cph("2026-03-25T08:00"));
  }
}
