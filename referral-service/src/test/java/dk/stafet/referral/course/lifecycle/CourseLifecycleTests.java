package dk.stafet.referral.course.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CourseLifecycleTests {

  @Test
  void aStartedCourseIsActiveAndEndsOnce() {
    assertThat(CourseLifecycle.started()).isEqualTo(CourseState.ACTIVE);
    assertThat(CourseLifecycle.next(CourseState.ACTIVE, CourseLifecycle.Transition.END))
        .isEqualTo(CourseState.ENDED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CourseState.class,
      names = {"ENDED", "DECLINED"})
  void onlyAnActiveCourseCanEnd(CourseState from) {
    assertThatThrownBy(() -> CourseLifecycle.next(from, CourseLifecycle.Transition.END))
        .isInstanceOfSatisfying(
            InvalidTransitionException.class,
            e -> {
              assertThat(e.aggregate()).isEqualTo("course");
              assertThat(e.transition()).isEqualTo("END");
              assertThat(e.fromState()).isEqualTo(from.name());
            });
  }

  @Test
  void aDeclinedReferralIsCreatedDeclined() {
    assertThat(CourseLifecycle.declined()).isEqualTo(CourseState.DECLINED);
  }
}
