package dk.stafet.responsibility.domain.rules;

import static dk.stafet.responsibility.domain.Fixtures.*;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.HOSPITAL;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.NONE;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.OUT_OF_HOURS;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.AcuteExit;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.course.VisitationOutcome;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.ledger.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R5–R21, R25–R27 as a table: a clinician can read each row as "given these events, at this
 * instant, the PRD is … by rule …, treatment lies with …". Times are Danish civil time. Monday
 * 2026-03-23 is an ordinary weekday; Friday 2026-03-27 precedes the spring DST night.
 */
class ResponsibilityRulesTableTest {

  private static final CourseReplay REPLAY = new CourseReplay(ResponsibilityRules.standard());
  private static final DanishCalendar CALENDAR = new DanishCalendar();

  private static final Instant MON_0900 = cph("2026-03-23T09:00");
  private static final Instant MON_1000 = cph("2026-03-23T10:00");
  private static final Instant MON_1100 = cph("2026-03-23T11:00");
  private static final Instant MON_1200 = cph("2026-03-23T12:00");
  private static final Instant MON_1600 = cph("2026-03-23T16:00");
  private static final Instant TUE_1000 = cph("2026-03-24T10:00");
  private static final Instant WED_1000 = cph("2026-03-25T10:00");
  private static final Instant SAT_0200 = cph("2026-03-28T02:00");
  private static final Instant SAT_1000 = cph("2026-03-28T10:00");
  private static final Instant MON2_0759 = cph("2026-03-30T07:59:59");
  private static final Instant MON2_0800 = cph("2026-03-30T08:00");

  /**
   * One row: events → at → PRD holder (null = none), deciding rule, treatment sector, alarm name.
   */
  record Row(
      String rule,
      String situation,
      List<CourseEvent> events,
      Instant at,
      Organisation prd,
      RuleId decidedBy,
      TreatmentSector sector,
      String alarm) {
    @Override
    public String toString() {
      return rule + ": " + situation;
    }
  }

  private static Row row(
      String rule,
      String situation,
      Instant at,
      Organisation prd,
      RuleId decidedBy,
      TreatmentSector sector,
      CourseEvent... events) {
    return new Row(rule, situation, List.of(events), at, prd, decidedBy, sector, null);
  }

  private static Row alarmRow(
      String rule,
      String situation,
      Instant at,
      Organisation prd,
      RuleId decidedBy,
      TreatmentSector sector,
      String alarm,
      CourseEvent... events) {
    return new Row(rule, situation, List.of(events), at, prd, decidedBy, sector, alarm);
  }

  static Stream<Row> rows() {
    return Stream.of(
        // R5 listed GP, GP/OOH split (R2 boundaries)
        row(
            "R5",
            "no course, GP hours",
            MON_1000,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP)),
        row(
            "R5",
            "no course, exactly 16:00 → out-of-hours",
            MON_1600,
            GP,
            RuleId.R5,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP)),
        row(
            "R5",
            "no course, Saturday",
            SAT_1000,
            GP,
            RuleId.R5,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP)),
        row(
            "R5",
            "no course, Monday 07:59:59 after DST",
            MON2_0759,
            GP,
            RuleId.R5,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP)),
        row(
            "R5",
            "no course, Monday exactly 08:00 after DST",
            MON2_0800,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP)),
        // R6 admission, half-open: exactly at the admission instant the department holds
        row(
            "R6",
            "one second before the admission",
            MON_1000.minusSeconds(1),
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A)),
        row(
            "R6",
            "exactly at the admission instant",
            MON_1000,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A)),
        row(
            "R6",
            "admitted, Saturday night: still 24 h hospital",
            SAT_0200,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A)),
        row(
            "R6",
            "emergency contact without admission (proposal)",
            MON_1100,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            emergencyContact(MON_1000, "ec", DEPT_A)),
        // R7 leave
        row(
            "R7",
            "on leave: admission continues",
            MON_1200,
            DEPT_A,
            RuleId.R7,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            leave(MON_1100, "adm")),
        row(
            "R7",
            "back from leave",
            TUE_1000,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            leave(MON_1100, "adm"),
            leaveEnd(MON_1200, "adm")),
        // R8 cancellation: never happened, at every instant — also before the cancellation was
        // registered
        row(
            "R8",
            "cancelled admission, queried during it",
            MON_1100,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            cancel(MON_1200, "adm")),
        row(
            "R8",
            "cancelled admission with discharge: no R9 return either",
            TUE_1000,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1100, "adm"),
            cancel(MON_1200, "adm")),
        row(
            "R8",
            "other admission unaffected",
            MON_1200,
            DEPT_B,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            admit(MON_1100, "adm-2", DEPT_B),
            cancel(MON_1200, "adm")),
        // R9 discharge → listed GP at that instant (R25: no acceptance step)
        row(
            "R9",
            "one second before discharge",
            MON_1200.minusSeconds(1),
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1200, "adm")),
        row(
            "R9",
            "exactly at discharge → GP (R25 automatic)",
            MON_1200,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1200, "adm")),
        row(
            "R9",
            "discharged, 16:00 → out-of-hours",
            MON_1600,
            GP,
            RuleId.R9,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1200, "adm")),
        // R10 acute function referred by a hospital
        row(
            "R10",
            "hospital-referred acute course",
            MON_1100,
            DEPT_A,
            RuleId.R10,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A)),
        row(
            "R10",
            "hospital-referred acute course, Saturday",
            SAT_1000,
            DEPT_A,
            RuleId.R10,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A)),
        // R11 outpatient and unfinished treatment at discharge
        row(
            "R11",
            "outpatient course",
            MON_1100,
            DEPT_A,
            RuleId.R11,
            HOSPITAL,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A)),
        row(
            "R11",
            "outpatient course ends → R9",
            MON_1200,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A),
            outpatientEnd(MON_1200, "op")),
        row(
            "R11",
            "unfinished treatment at discharge",
            TUE_1000,
            DEPT_A,
            RuleId.R11,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            dischargeUnfinished(MON_1200, "adm")),
        row(
            "R11",
            "follow-up ends → R9",
            WED_1000,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            dischargeUnfinished(MON_1200, "adm"),
            outpatientEnd(TUE_1000, "adm")),
        row(
            "R11",
            "GP accepted a handover of the outpatient course (R23)",
            TUE_1000,
            GP,
            RuleId.R23,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A),
            handover(MON_1200, new CourseRef(CourseKind.OUTPATIENT, "op"), DEPT_A, GP)),
        // R12 IV at home outlives the acute course
        row(
            "R12",
            "IV continues after the acute course ended",
            TUE_1000,
            DEPT_A,
            RuleId.R12,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A),
            iv(MON_1100, "iv", DEPT_A),
            acuteEnd(MON_1200, "ac", AcuteExit.HOME)),
        row(
            "R12",
            "IV ends → R9",
            WED_1000,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A),
            iv(MON_1100, "iv", DEPT_A),
            acuteEnd(MON_1200, "ac", AcuteExit.HOME),
            ivEnd(TUE_1000, "iv")),
        // R13 GP / municipal nursing referral
        row(
            "R13",
            "GP-referred acute course, GP hours",
            MON_1100,
            GP,
            RuleId.R13,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", GP)),
        row(
            "R13",
            "GP-referred acute course, 16:00",
            MON_1600,
            GP,
            RuleId.R13,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", GP)),
        row(
            "R13",
            "substitute GP referred: still own GP",
            MON_1100,
            GP,
            RuleId.R13,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", GP_2)),
        row(
            "R13",
            "municipal nursing referred (proposal)",
            MON_1100,
            GP,
            RuleId.R13,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", MUNICIPALITY)),
        // R14 out-of-hours referral: GP is PRD, out-of-hours treats until GP hours
        row(
            "R14",
            "out-of-hours referral Saturday night",
            SAT_0200,
            GP,
            RuleId.R14,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            acute(SAT_0200, "ac", OOH)),
        row(
            "R14",
            "still out-of-hours Monday 07:59:59",
            MON2_0759,
            GP,
            RuleId.R14,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            acute(SAT_0200, "ac", OOH)),
        row(
            "R14",
            "GP hours from Monday 08:00",
            MON2_0800,
            GP,
            RuleId.R14,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(SAT_0200, "ac", OOH)),
        // R15 acute course ends
        row(
            "R15",
            "GP-referred acute course ends",
            TUE_1000,
            GP,
            RuleId.R15,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", GP),
            acuteEnd(MON_1200, "ac", AcuteExit.HOME)),
        row(
            "R15",
            "hospital-referred acute ends → passes to GP",
            TUE_1000,
            GP,
            RuleId.R15,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A),
            acuteEnd(MON_1200, "ac", AcuteExit.GP_FOLLOW_UP)),
        row(
            "R15",
            "exception: continues in an outpatient course",
            TUE_1000,
            DEPT_A,
            RuleId.R11,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A),
            outpatient(MON_1200, "op", DEPT_A),
            acuteEnd(MON_1200, "ac", AcuteExit.OUTPATIENT)),
        row(
            "R15",
            "exit admitted: R6 applies",
            TUE_1000,
            DEPT_B,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", GP),
            acuteEnd(MON_1200, "ac", AcuteExit.ADMITTED),
            admit(MON_1200, "adm", DEPT_B)),
        // R16 municipality never responsible; a declined acute referral changes nothing
        row(
            "R16",
            "declined acute referral changes nothing",
            MON_1100,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            acuteDeclined(MON_1000, GP)),
        row(
            "R16",
            "municipal-nursing-referred acute course: GP, not municipality",
            SAT_1000,
            GP,
            RuleId.R13,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", MUNICIPALITY)),
        // R17 referral pending: referrer keeps PRD
        row(
            "R17",
            "GP referral received",
            MON_1100,
            GP,
            RuleId.R17,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A)),
        row(
            "R17",
            "GP referral accepted",
            MON_1200,
            GP,
            RuleId.R17,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            visited(MON_1100, "ref", VisitationOutcome.ACCEPTED)),
        row(
            "R17",
            "GP referral forwarded",
            MON_1200,
            GP,
            RuleId.R17,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            forwarded(MON_1100, "ref", DEPT_B)),
        row(
            "R17",
            "GP referral rejected: back to plain R5",
            MON_1200,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            visited(MON_1100, "ref", VisitationOutcome.REJECTED)),
        row(
            "R17",
            "hospital referrer keeps PRD after discharge",
            TUE_1000,
            DEPT_A,
            RuleId.R17,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            referral(MON_1100, "ref", DEPT_A, DEPT_B),
            discharge(MON_1200, "adm")),
        // R18 referral started / ended
        row(
            "R18",
            "hospital referral started: receiving department",
            MON_1200,
            DEPT_A,
            RuleId.R18,
            HOSPITAL,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            referralStarted(MON_1100, "ref")),
        row(
            "R18",
            "forwarded then started: the new receiver",
            MON_1600,
            DEPT_B,
            RuleId.R18,
            HOSPITAL,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            forwarded(MON_1100, "ref", DEPT_B),
            referralStarted(MON_1200, "ref")),
        row(
            "R18",
            "referral ended → R9",
            TUE_1000,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            referralStarted(MON_1100, "ref"),
            referralEnded(MON_1200, "ref", false)),
        row(
            "R18",
            "referral ended with unfinished treatment → R11",
            TUE_1000,
            DEPT_A,
            RuleId.R11,
            HOSPITAL,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            referralStarted(MON_1100, "ref"),
            referralEnded(MON_1200, "ref", true)),
        // R19 practising specialist: GP stays PRD, only treatment changes
        row(
            "R19",
            "specialist course, GP hours",
            MON_1100,
            GP,
            RuleId.R5,
            SPECIALIST,
            listedGp(MON_0900, GP),
            specialist(MON_1000, "sp")),
        row(
            "R19",
            "specialist course, 16:00",
            MON_1600,
            GP,
            RuleId.R5,
            OUT_OF_HOURS,
            listedGp(MON_0900, GP),
            specialist(MON_1000, "sp")),
        row(
            "R19",
            "specialist referral started",
            MON_1200,
            GP,
            RuleId.R5,
            SPECIALIST,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, dk.stafet.responsibility.domain.Fixtures.SPECIALIST),
            referralStarted(MON_1100, "ref")),
        row(
            "R19",
            "specialist course while admitted: hospital (R21)",
            MON_1200,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            specialist(MON_1000, "sp"),
            admit(MON_1100, "adm", DEPT_A)),
        row(
            "R19",
            "specialist course ended",
            MON_1200,
            GP,
            RuleId.R5,
            TreatmentSector.GP,
            listedGp(MON_0900, GP),
            specialist(MON_1000, "sp"),
            specialistEnd(MON_1100, "sp")),
        // R20 death
        row(
            "R20",
            "exactly at death",
            MON_1200,
            null,
            RuleId.R20,
            NONE,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            death(MON_1200)),
        row(
            "R20",
            "later events reopen nothing",
            WED_1000,
            null,
            RuleId.R20,
            NONE,
            listedGp(MON_0900, GP),
            death(MON_1000),
            admit(MON_1200, "adm", DEPT_A),
            outpatient(TUE_1000, "op", DEPT_A)),
        // R21 precedence
        row(
            "R21",
            "admission beats an older outpatient course",
            MON_1200,
            DEPT_B,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A),
            admit(MON_1100, "adm", DEPT_B)),
        row(
            "R21",
            "admission beats a newer outpatient course",
            MON_1200,
            DEPT_A,
            RuleId.R6,
            HOSPITAL,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            outpatient(MON_1100, "op", DEPT_B)),
        row(
            "R21",
            "most recently started hospital course wins",
            MON_1200,
            DEPT_B,
            RuleId.R12,
            HOSPITAL,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A),
            iv(MON_1100, "iv", DEPT_B)),
        row(
            "R21",
            "hospital course beats GP-referred acute course",
            MON_1200,
            DEPT_A,
            RuleId.R11,
            HOSPITAL,
            listedGp(MON_0900, GP),
            outpatient(MON_1000, "op", DEPT_A),
            acute(MON_1100, "ac", GP)),
        row(
            "R21",
            "death beats admission",
            MON_1200,
            null,
            RuleId.R20,
            NONE,
            listedGp(MON_0900, GP),
            admit(MON_1000, "adm", DEPT_A),
            death(MON_1100),
            admit(MON_1100, "adm-2", DEPT_B)),
        // R25 standing agreements take effect at the event instant with no acceptance step
        row(
            "R25",
            "R10 takes effect at the event instant",
            MON_1000,
            DEPT_A,
            RuleId.R10,
            HOSPITAL,
            listedGp(MON_0900, GP),
            acute(MON_1000, "ac", DEPT_A)),
        row(
            "R25",
            "R18 takes effect at first contact",
            MON_1100,
            DEPT_A,
            RuleId.R18,
            HOSPITAL,
            listedGp(MON_0900, GP),
            referral(MON_1000, "ref", GP, DEPT_A),
            referralStarted(MON_1100, "ref")),
        // R26 no receiver / gap
        alarmRow(
            "R26",
            "no listed GP at discharge: department keeps it",
            TUE_1000,
            DEPT_A,
            RuleId.R26,
            HOSPITAL,
            "no-receiver",
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1200, "adm")),
        alarmRow(
            "R26",
            "listed GP removed: old GP keeps it",
            TUE_1000,
            GP,
            RuleId.R26,
            TreatmentSector.GP,
            "no-receiver",
            listedGp(MON_0900, GP),
            listedGp(MON_1200, null)),
        alarmRow(
            "R26",
            "no listed GP and no holder: explicit gap",
            MON_1100,
            null,
            RuleId.R26,
            NONE,
            "gap",
            acute(MON_1000, "ac", OOH)),
        row(
            "R26",
            "GP listed later: GP receives",
            WED_1000,
            GP,
            RuleId.R9,
            TreatmentSector.GP,
            admit(MON_1000, "adm", DEPT_A),
            discharge(MON_1200, "adm"),
            listedGp(TUE_1000, GP)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void rule(Row row) {
    Timeline timeline = REPLAY.replay(row.events());
    ResponsibilityDecision decision = timeline.decisionAt(row.at());
    assertThat(decision.prd().map(p -> p.organisation()).orElse(null))
        .as("PRD")
        .isEqualTo(row.prd());
    assertThat(decision.decidedBy()).as("deciding rule").isEqualTo(row.decidedBy());
    assertThat(decision.treatmentSectorAt(row.at(), CALENDAR))
        .as("treatment")
        .isEqualTo(row.sector());
    assertThat(decision.alarm().map(ResponsibilityAlarm::name).orElse(null))
        .as("alarm")
        .isEqualTo(row.alarm());
    assertThat(decision.prd().map(p -> p.organisation().kind().mayHoldPrd()).orElse(true))
        .as("R16")
        .isTrue();
  }

  static HandoverAccepted handover(
      Instant at, CourseRef course, Organisation from, Organisation to) {
    return new HandoverAccepted(
        id(),
        at,
        "h-" + id(),
        course,
        from,
        to,
        Optional.empty(),
        Optional.of(dk.stafet.responsibility.domain.course.AgreementChannel.ORAL));
  }
}
