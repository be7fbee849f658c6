package dk.stafet.responsibility.domain.rules;

import static dk.stafet.responsibility.domain.Fixtures.*;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.HOSPITAL;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.NONE;
import static dk.stafet.responsibility.domain.rules.TreatmentSector.OUT_OF_HOURS;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.HandoverAccepted;
import dk.stafet.responsibility.domain.course.CourseEvent.SpecialistCourseStarted;
import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.course.VisitationOutcome;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every referral path of issue 13 as a table (plain Java, no Quarkus): referrals to practising
 * specialists (R17 → R19), forwarded referrals (R17 until the new receiver's first contact, then
 * R18/R19) and patients without a listed GP (R17 ours, R26 no-receiver and gap). Each row: events →
 * at (Danish time) → PRD, deciding rule, treatment sector, the specialist named as treating, who to
 * call (R22) and the alarm. Monday 2026-03-23 is an ordinary weekday; Saturday 2026-03-28 is
 * out-of-hours all day.
 */
class ReferralPathsRulesTest {

  private static final CourseReplay REPLAY = new CourseReplay(ResponsibilityRules.standard());
  private static final DanishCalendar CALENDAR = new DanishCalendar();
  private static final WhoToCallPolicy WHO_TO_CALL = new WhoToCallPolicy(CALENDAR, OOH);
  private static final Organisation DEPT_C = Organisation.hospitalDepartment("dept-c");
  private static final Organisation SPECIALIST_2 = Organisation.practisingSpecialist("spec-2");

  private static final Instant MON_0900 = cph("2026-03-23T09:00");
  private static final Instant MON_1000 = cph("2026-03-23T10:00");
  private static final Instant MON_1100 = cph("2026-03-23T11:00");
  private static final Instant MON_1200 = cph("2026-03-23T12:00");
  private static final Instant MON_1300 = cph("2026-03-23T13:00");
  private static final Instant MON_1600 = cph("2026-03-23T16:00");
  private static final Instant TUE_1000 = cph("2026-03-24T10:00");
  private static final Instant WED_1000 = cph("2026-03-25T10:00");
  private static final Instant SAT_1000 = cph("2026-03-28T10:00");

  /**
   * One row of the table; {@code prd} null = nobody (gap or death), {@code treating} null = no
   * specialist named.
   */
  record Row(
      String situation,
      List<CourseEvent> events,
      Instant at,
      Organisation prd,
      RuleId decidedBy,
      RuleId treatmentDecidedBy,
      TreatmentSector sector,
      Organisation treating,
      CalleeRole call,
      String alarm) {
    @Override
    public String toString() {
      return situation;
    }
  }

  /** Expectations are filled in by the builder calls, which read as the columns of the table. */
  private static Expect given(String situation, CourseEvent... events) {
    return new Expect(situation, List.of(events));
  }

  private record Expect(String situation, List<CourseEvent> events) {
    Row at(
        Instant at,
        Organisation prd,
        RuleId decidedBy,
        RuleId treatmentDecidedBy,
        TreatmentSector sector,
        Organisation treating,
        CalleeRole call,
        String alarm) {
      return new Row(
          situation, events, at, prd, decidedBy, treatmentDecidedBy, sector, treating, call, alarm);
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        // ---- practising specialist: the GP stays PRD (R17 while waiting, R5 once started); the
        // specialist
        // treats in GP hours (R19) and is named; who to call follows the PRD (R22): GP in GP hours,
        // else OOH.
        given(
                "specialist referral received: GP keeps PRD and treats",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST))
            .at(
                MON_1100,
                GP,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "specialist referral accepted: still the GP's",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST),
                visited(MON_1100, "ref", VisitationOutcome.ACCEPTED))
            .at(
                MON_1200,
                GP,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "specialist first contact, GP hours: the specialist treats, named; call the GP",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST),
                referralStarted(MON_1100, "ref"))
            .at(
                MON_1200,
                GP,
                RuleId.R5,
                RuleId.R19,
                TreatmentSector.SPECIALIST,
                SPECIALIST,
                CalleeRole.GP,
                null),
        given(
                "specialist first contact, exactly at it",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST),
                referralStarted(MON_1100, "ref"))
            .at(
                MON_1100,
                GP,
                RuleId.R5,
                RuleId.R19,
                TreatmentSector.SPECIALIST,
                SPECIALIST,
                CalleeRole.GP,
                null),
        given(
                "specialist course, 16:00: out-of-hours treats and is called",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST),
                referralStarted(MON_1100, "ref"))
            .at(
                MON_1600,
                GP,
                RuleId.R5,
                RuleId.R19,
                OUT_OF_HOURS,
                SPECIALIST,
                CalleeRole.OUT_OF_HOURS_SERVICE,
                null),
        given(
                "specialist course, Saturday: out-of-hours",
                listedGp(MON_0900, GP),
                specialist(MON_1000, "sp"))
            .at(
                SAT_1000,
                GP,
                RuleId.R5,
                RuleId.R19,
                OUT_OF_HOURS,
                SPECIALIST,
                CalleeRole.OUT_OF_HOURS_SERVICE,
                null),
        given(
                "specialist referral ended: back to the GP (R9), nobody else treats",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, SPECIALIST),
                referralStarted(MON_1100, "ref"),
                referralEnded(MON_1200, "ref", false))
            .at(MON_1300, GP, RuleId.R9, RuleId.R9, TreatmentSector.GP, null, CalleeRole.GP, null),
        given(
                "two specialists: the one started last treats",
                listedGp(MON_0900, GP),
                specialist(MON_1000, "sp"),
                specialistAt(MON_1100, "sp-2", SPECIALIST_2))
            .at(
                MON_1200,
                GP,
                RuleId.R5,
                RuleId.R19,
                TreatmentSector.SPECIALIST,
                SPECIALIST_2,
                CalleeRole.GP,
                null),
        given(
                "specialist course while a hospital course holds PRD: hospital (R21)",
                listedGp(MON_0900, GP),
                outpatient(MON_1000, "op", DEPT_A),
                specialist(MON_1100, "sp"))
            .at(
                MON_1200,
                DEPT_A,
                RuleId.R11,
                RuleId.R11,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),
        given(
                "specialist holds PRD by handover: it treats and is called in GP hours",
                listedGp(MON_0900, GP),
                handover(MON_1000, CourseRef.LISTED_GP, GP, SPECIALIST))
            .at(
                MON_1100,
                SPECIALIST,
                RuleId.R23,
                RuleId.R23,
                TreatmentSector.SPECIALIST,
                SPECIALIST,
                CalleeRole.PRACTISING_SPECIALIST,
                null),

        // ---- forwarded referral: the referrer keeps PRD until the new receiver's first contact
        // (R17, R25)
        given(
                "forwarded, nobody has seen the patient: referrer's GP keeps PRD",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B))
            .at(
                MON_1200,
                GP,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "forwarded and accepted by the new receiver: still the GP",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                visited(MON_1200, "ref", VisitationOutcome.ACCEPTED))
            .at(
                MON_1300,
                GP,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "forwarded: one second before the new receiver's first contact",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                visited(MON_1200, "ref", VisitationOutcome.ACCEPTED),
                referralStarted(TUE_1000, "ref"))
            .at(
                TUE_1000.minusSeconds(1),
                GP,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "forwarded: exactly at the new receiver's first contact it is PRD (R18)",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                visited(MON_1200, "ref", VisitationOutcome.ACCEPTED),
                referralStarted(TUE_1000, "ref"))
            .at(
                TUE_1000,
                DEPT_B,
                RuleId.R18,
                RuleId.R18,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),
        given(
                "forwarded: never the forwarding department",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                visited(MON_1200, "ref", VisitationOutcome.ACCEPTED),
                referralStarted(TUE_1000, "ref"))
            .at(
                WED_1000,
                DEPT_B,
                RuleId.R18,
                RuleId.R18,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),
        given(
                "forwarded twice: the last receiver at its first contact",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                forwarded(MON_1200, "ref", DEPT_C),
                visited(MON_1300, "ref", VisitationOutcome.ACCEPTED),
                referralStarted(TUE_1000, "ref"))
            .at(
                WED_1000,
                DEPT_C,
                RuleId.R18,
                RuleId.R18,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),
        given(
                "forwarded then rejected by the new receiver: plain R5, the GP gets the answer",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", DEPT_B),
                visited(MON_1200, "ref", VisitationOutcome.REJECTED))
            .at(MON_1300, GP, RuleId.R5, RuleId.R5, TreatmentSector.GP, null, CalleeRole.GP, null),
        given(
                "forwarded to a practising specialist: GP stays PRD, the specialist treats at first contact",
                listedGp(MON_0900, GP),
                referral(MON_1000, "ref", GP, DEPT_A),
                forwarded(MON_1100, "ref", SPECIALIST),
                visited(MON_1200, "ref", VisitationOutcome.ACCEPTED),
                referralStarted(TUE_1000, "ref"))
            .at(
                WED_1000,
                GP,
                RuleId.R5,
                RuleId.R19,
                TreatmentSector.SPECIALIST,
                SPECIALIST,
                CalleeRole.GP,
                null),
        given(
                "hospital referrer, forwarded: the referring department keeps PRD until first contact",
                listedGp(MON_0900, GP),
                admit(MON_1000, "adm", DEPT_A),
                referral(MON_1100, "ref", DEPT_A, DEPT_B),
                discharge(MON_1200, "adm"),
                forwarded(MON_1300, "ref", DEPT_C))
            .at(
                TUE_1000,
                DEPT_A,
                RuleId.R17,
                RuleId.R17,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),

        // ---- no listed GP (newcomers, between practices): never a silent nobody
        given(
                "no listed GP, referred by a GP practice: the referring GP keeps PRD (R17)",
                referral(MON_1000, "ref", GP_2, DEPT_A))
            .at(
                MON_1100,
                GP_2,
                RuleId.R17,
                RuleId.R17,
                TreatmentSector.GP,
                null,
                CalleeRole.GP,
                null),
        given(
                "no listed GP, referral started: the department (R18)",
                referral(MON_1000, "ref", GP_2, DEPT_A),
                referralStarted(MON_1100, "ref"))
            .at(
                MON_1200,
                DEPT_A,
                RuleId.R18,
                RuleId.R18,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                null),
        given(
                "no listed GP, referral ended: nobody to return to, the department keeps it + no-receiver",
                referral(MON_1000, "ref", GP_2, DEPT_A),
                referralStarted(MON_1100, "ref"),
                referralEnded(MON_1200, "ref", false))
            .at(
                TUE_1000,
                DEPT_A,
                RuleId.R26,
                RuleId.R26,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                "no-receiver"),
        given(
                "no listed GP, discharged: the department keeps it + no-receiver (R26)",
                admit(MON_1000, "adm", DEPT_A),
                discharge(MON_1200, "adm"))
            .at(
                TUE_1000,
                DEPT_A,
                RuleId.R26,
                RuleId.R26,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                "no-receiver"),
        given(
                "no listed GP, discharged: at exactly the discharge",
                admit(MON_1000, "adm", DEPT_A),
                discharge(MON_1200, "adm"))
            .at(
                MON_1200,
                DEPT_A,
                RuleId.R26,
                RuleId.R26,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                "no-receiver"),
        given(
                "GP deregistered (between practices), then admitted and discharged: department + no-receiver",
                listedGp(MON_0900, GP),
                listedGp(MON_1000, null),
                admit(MON_1100, "adm", DEPT_A),
                discharge(MON_1200, "adm"))
            .at(
                TUE_1000,
                DEPT_A,
                RuleId.R26,
                RuleId.R26,
                HOSPITAL,
                null,
                CalleeRole.HOSPITAL_DEPARTMENT_24H,
                "no-receiver"),
        given(
                "no listed GP, discharged, then a GP lists the patient: the GP receives (R9)",
                admit(MON_1000, "adm", DEPT_A),
                discharge(MON_1200, "adm"),
                listedGp(TUE_1000, GP))
            .at(WED_1000, GP, RuleId.R9, RuleId.R9, TreatmentSector.GP, null, CalleeRole.GP, null),
        given(
                "no listed GP, only a specialist treats: an explicit gap, alarmed",
                specialist(MON_1000, "sp"))
            .at(MON_1100, null, RuleId.R26, RuleId.R26, NONE, null, CalleeRole.NOBODY, "gap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void referralPath(Row row) {
    ResponsibilityDecision decision = REPLAY.replay(row.events()).decisionAt(row.at());
    assertThat(decision.prd().map(PatientResponsibleDoctor::organisation).orElse(null))
        .as("PRD")
        .isEqualTo(row.prd());
    assertThat(decision.decidedBy()).as("deciding rule").isEqualTo(row.decidedBy());
    assertThat(decision.treatmentDecidedBy())
        .as("treatment rule")
        .isEqualTo(row.treatmentDecidedBy());
    assertThat(decision.treatmentSectorAt(row.at(), CALENDAR))
        .as("treatment")
        .isEqualTo(row.sector());
    assertThat(decision.treatingSpecialist().orElse(null))
        .as("treating specialist")
        .isEqualTo(row.treating());
    assertThat(WHO_TO_CALL.whoToCall(decision, row.at()).role())
        .as("who to call (R22)")
        .isEqualTo(row.call());
    assertThat(decision.alarm().map(ResponsibilityAlarm::name).orElse(null))
        .as("alarm")
        .isEqualTo(row.alarm());
  }

  private static SpecialistCourseStarted specialistAt(
      Instant at, String courseId, Organisation specialist) {
    return new SpecialistCourseStarted(id(), at, courseId, specialist);
  }

  private static HandoverAccepted handover(
      Instant at, CourseRef course, Organisation from, Organisation to) {
    return new HandoverAccepted(
        id(), at, "h-" + id(), course, from, to, Optional.empty(), Optional.empty());
  }
}
