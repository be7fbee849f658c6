package dk.stafet.referral.course.lifecycle;

import static dk.stafet.referral.course.lifecycle.AdmissionState.CANCELLED;
import static dk.stafet.referral.course.lifecycle.AdmissionState.DECEASED;
import static dk.stafet.referral.course.lifecycle.AdmissionState.DISCHARGED;
import static dk.stafet.referral.course.lifecycle.AdmissionState.IN_PROGRESS;
import static dk.stafet.referral.course.lifecycle.AdmissionState.ON_LEAVE;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.ADMIT;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.CANCEL_ADMISSION;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.CANCEL_DISCHARGE;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.CANCEL_LEAVE_END;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.CANCEL_LEAVE_START;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.CHANGE_CLASS;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.DIE;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.DISCHARGE;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.END_LEAVE;
import static dk.stafet.referral.course.lifecycle.AdmissionTransition.START_LEAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.referral.course.lifecycle.AdmissionLifecycle.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdmissionLifecycleTests {

  /**
   * A row of the table: from, transition, the last effective transition, then the expected state
   * and effect.
   */
  private record Row(
      AdmissionState from,
      AdmissionTransition transition,
      AdmissionTransition last,
      AdmissionState to,
      boolean effective) {}

  /**
   * Every allowed (state, transition); the last effective transition matters only for
   * CANCEL_LEAVE_END.
   */
  private static final List<Row> VALID =
      List.of(
          // Repeated start notifications: history only; after discharge / death they never reopen
          // the stay (TEK_STIN_B).
          new Row(IN_PROGRESS, ADMIT, ADMIT, IN_PROGRESS, false),
          new Row(DISCHARGED, ADMIT, DISCHARGE, DISCHARGED, false),
          new Row(DECEASED, ADMIT, DIE, DECEASED, false),
          new Row(IN_PROGRESS, CHANGE_CLASS, ADMIT, IN_PROGRESS, true),
          new Row(DISCHARGED, CHANGE_CLASS, DISCHARGE, DISCHARGED, false),
          new Row(DECEASED, CHANGE_CLASS, DIE, DECEASED, false),
          new Row(IN_PROGRESS, START_LEAVE, ADMIT, ON_LEAVE, true),
          new Row(ON_LEAVE, END_LEAVE, START_LEAVE, IN_PROGRESS, true),
          new Row(IN_PROGRESS, DISCHARGE, ADMIT, DISCHARGED, true),
          new Row(ON_LEAVE, DISCHARGE, START_LEAVE, DISCHARGED, true),
          new Row(IN_PROGRESS, DIE, ADMIT, DECEASED, true),
          new Row(ON_LEAVE, DIE, START_LEAVE, DECEASED, true),
          new Row(DISCHARGED, DIE, DISCHARGE, DISCHARGED, false),
          new Row(DECEASED, DIE, DIE, DECEASED, false),
          new Row(IN_PROGRESS, CANCEL_ADMISSION, ADMIT, CANCELLED, true),
          new Row(ON_LEAVE, CANCEL_ADMISSION, START_LEAVE, CANCELLED, true),
          new Row(ON_LEAVE, CANCEL_LEAVE_START, START_LEAVE, IN_PROGRESS, true),
          new Row(IN_PROGRESS, CANCEL_LEAVE_END, END_LEAVE, ON_LEAVE, true),
          new Row(DISCHARGED, CANCEL_DISCHARGE, DISCHARGE, IN_PROGRESS, true));

  static Stream<Row> valid() {
    return VALID.stream();
  }

  /**
   * Every other (state, transition) pair, with a plausible last transition; all must be refused.
   */
  static Stream<Arguments> invalid() {
    List<Arguments> rows = new ArrayList<>();
    for (AdmissionState from : AdmissionState.values()) {
      for (AdmissionTransition t : AdmissionTransition.values()) {
        boolean listed = VALID.stream().anyMatch(r -> r.from() == from && r.transition() == t);
        if (!listed) {
          rows.add(Arguments.of(from, t));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validTransition(Row row) {
    Step step = AdmissionLifecycle.apply(row.from(), row.last(), row.transition());
    assertThat(step.from()).isEqualTo(row.from());
    assertThat(step.to()).isEqualTo(row.to());
    assertThat(step.transition()).isEqualTo(row.transition());
    assertThat(step.effective()).as("effective").isEqualTo(row.effective());
  }

  @ParameterizedTest(name = "{0} --{1}--> refused")
  @MethodSource("invalid")
  void invalidTransitionIsRefusedNamingIt(AdmissionState from, AdmissionTransition transition) {
    for (AdmissionTransition last : AdmissionTransition.values()) {
      assertThatThrownBy(() -> AdmissionLifecycle.apply(from, last, transition))
          .isInstanceOfSatisfying(
              InvalidTransitionException.class,
              e -> {
                assertThat(e.aggregate()).isEqualTo("hospital-stay");
                assertThat(e.transition()).isEqualTo(transition.name());
                assertThat(e.fromState()).isEqualTo(from.name());
              });
    }
  }

  @Test
  void tableCoversEveryPair() {
    assertThat(valid().count() + invalid().count())
        .isEqualTo((long) AdmissionState.values().length * AdmissionTransition.values().length);
  }

  @Test
  void leaveEndCanOnlyBeCancelledRightAfterALeaveEnded() {
    for (AdmissionTransition last : AdmissionTransition.values()) {
      if (last == END_LEAVE) {
        assertThat(AdmissionLifecycle.apply(IN_PROGRESS, last, CANCEL_LEAVE_END).to())
            .isEqualTo(ON_LEAVE);
      } else {
        assertThatThrownBy(() -> AdmissionLifecycle.apply(IN_PROGRESS, last, CANCEL_LEAVE_END))
            .isInstanceOf(InvalidTransitionException.class)
            .hasMessageContaining("CANCEL_LEAVE_END")
            .hasMessageContaining("not the end of a leave");
      }
    }
  }

  @Test
  void medcomSequenceWithCorrectionsEndsWhereTheNotificationsSay() {
    // STIN, STOR, SLOR, AN_SLOR (back on leave), AN_STOR (back in progress), SLHJ, AN_SLHJ (in
    // progress), SLHJ.
    AdmissionState state = AdmissionLifecycle.initial();
    AdmissionTransition last = ADMIT;
    AdmissionTransition[] sequence = {
      START_LEAVE,
      END_LEAVE,
      CANCEL_LEAVE_END,
      CANCEL_LEAVE_START,
      DISCHARGE,
      CANCEL_DISCHARGE,
      DISCHARGE
    };
    AdmissionState[] expected = {
      ON_LEAVE, IN_PROGRESS, ON_LEAVE, IN_PROGRESS, DISCHARGED, IN_PROGRESS, DISCHARGED
    };
    for (int i = 0; i < sequence.length; i++) {
      Step step = AdmissionLifecycle.apply(state, last, sequence[i]);
      assertThat(step.to()).as("after %s", sequence[i]).isEqualTo(expected[i]);
      state = step.to();
      last = step.transition();
    }
  }

  @Test
  void startNotificationAfterDischargeKeepsTheStayDischarged() {
    Step step = AdmissionLifecycle.apply(DISCHARGED, DISCHARGE, ADMIT);
    assertThat(step.to()).isEqualTo(DISCHARGED);
    assertThat(step.effective()).isFalse();
  }

  @Test
  void nothingButCorrectionsAfterDischarge() {
    for (AdmissionTransition t :
        List.of(
            START_LEAVE,
            END_LEAVE,
            DISCHARGE,
            CANCEL_ADMISSION,
            CANCEL_LEAVE_START,
            CANCEL_LEAVE_END)) {
      assertThatThrownBy(() -> AdmissionLifecycle.apply(DISCHARGED, DISCHARGE, t))
          .isInstanceOf(InvalidTransitionException.class);
    }
  }

  @Test
  void hnCodesNameTheMedcomNotifications() {
    assertThat(CANCEL_LEAVE_START.hnCode()).isEqualTo("AN_STOR");
    assertThat(CANCEL_LEAVE_END.hnCode()).isEqualTo("AN_SLOR");
    assertThat(CANCEL_DISCHARGE.hnCode()).isEqualTo("AN_SLHJ");
    assertThat(CANCEL_DISCHARGE.isCorrection()).isTrue();
    assertThat(DISCHARGE.isCorrection()).isFalse();
  }
}
