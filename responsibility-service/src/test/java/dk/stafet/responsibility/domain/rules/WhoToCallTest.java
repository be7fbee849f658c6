package dk.stafet.responsibility.domain.rules;

import static dk.stafet.responsibility.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.CourseRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R22: whom to call, and until when the answer holds. */
class WhoToCallTest {

  private final WhoToCallPolicy policy = new WhoToCallPolicy(new DanishCalendar(), OOH);

  private static ResponsibilityDecision gpHolds() {
    return ResponsibilityDecision.held(
        new PatientResponsibleDoctor(GP, Optional.of(DOCTOR)),
        TreatmentArrangement.GP_OUT_OF_HOURS_SPLIT,
        RuleId.R5,
        RuleId.R5,
        CourseRef.LISTED_GP);
  }

  private static ResponsibilityDecision hospitalHolds() {
    return ResponsibilityDecision.held(
        PatientResponsibleDoctor.of(DEPT_A),
        TreatmentArrangement.HOSPITAL_24H,
        RuleId.R6,
        RuleId.R6,
        CourseRef.LISTED_GP);
  }

  @ParameterizedTest(name = "R22 GP is PRD, {0} → {1} until {2}")
  @CsvSource({
    "2026-03-23T07:59:59, OUT_OF_HOURS_SERVICE, 2026-03-23T08:00",
    "2026-03-23T08:00,    GP,                   2026-03-23T16:00",
    "2026-03-23T15:59:59, GP,                   2026-03-23T16:00",
    "2026-03-23T16:00,    OUT_OF_HOURS_SERVICE, 2026-03-24T08:00",
    "2026-03-27T15:59,    GP,                   2026-03-27T16:00",
    "2026-03-27T16:00,    OUT_OF_HOURS_SERVICE, 2026-03-30T08:00",
    "2026-03-29T03:30,    OUT_OF_HOURS_SERVICE, 2026-03-30T08:00",
    "2026-10-25T02:30,    OUT_OF_HOURS_SERVICE, 2026-10-26T08:00",
    "2026-04-06T10:00,    OUT_OF_HOURS_SERVICE, 2026-04-07T08:00",
    "2025-12-24T10:00,    OUT_OF_HOURS_SERVICE, 2025-12-29T08:00"
  })
  void gpSplit(String local, CalleeRole role, String untilLocal) {
    WhoToCall call = policy.whoToCall(gpHolds(), cph(local));
    assertThat(call.role()).isEqualTo(role);
    assertThat(call.organisation()).contains(role == CalleeRole.GP ? GP : OOH);
    assertThat(call.namedDoctor().isPresent()).isEqualTo(role == CalleeRole.GP);
    assertThat(call.validUntil()).contains(cph(untilLocal));
    assertThat(call.decidedBy()).isEqualTo(RuleId.R5);
  }

  @ParameterizedTest(name = "R22 hospital is PRD, {0} → department 24 h")
  @CsvSource({"2026-03-23T10:00", "2026-03-23T16:00", "2026-03-28T03:00", "2026-04-06T10:00"})
  void hospital24h(String local) {
    WhoToCall call = policy.whoToCall(hospitalHolds(), cph(local));
    assertThat(call.role()).isEqualTo(CalleeRole.HOSPITAL_DEPARTMENT_24H);
    assertThat(call.organisation()).contains(DEPT_A);
    assertThat(call.validUntil()).isEmpty();
  }

  @Test
  void nobodyAfterDeath() {
    WhoToCall call = policy.whoToCall(ResponsibilityDecision.deceased(), cph("2026-03-23T10:00"));
    assertThat(call.role()).isEqualTo(CalleeRole.NOBODY);
    assertThat(call.organisation()).isEmpty();
    assertThat(call.decidedBy()).isEqualTo(RuleId.R20);
  }

  @Test
  void gapIsNobodyWithTheAlarm() {
    WhoToCall call = policy.whoToCall(ResponsibilityDecision.gap("test"), cph("2026-03-23T10:00"));
    assertThat(call.role()).isEqualTo(CalleeRole.NOBODY);
    assertThat(call.alarm()).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("gap"));
  }

  @Test
  void noReceiverCallsTheKeptHolderAndCarriesTheAlarm() {
    ResponsibilityDecision kept =
        ResponsibilityDecision.noReceiver(hospitalHolds(), RuleId.R9, "no GP");
    WhoToCall call = policy.whoToCall(kept, cph("2026-03-23T20:00"));
    assertThat(call.organisation()).contains(DEPT_A);
    assertThat(call.alarm()).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("no-receiver"));
  }

  @Test
  void outOfHoursOrganisationMustBeAnOutOfHoursService() {
    assertThatThrownBy(
            () -> new WhoToCallPolicy(new DanishCalendar(), Organisation.municipality("m")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void r16MunicipalityCanNeverBePrd() {
    assertThatThrownBy(() -> PatientResponsibleDoctor.of(MUNICIPALITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PatientResponsibleDoctor.of(OOH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
