package dk.stafet.responsibility.domain.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The attention before a child's 18th birthday (docs/care-plan.md, "Transition at 18"). */
class TransitionNoticeTest {

  private static final LocalDate BORN = LocalDate.of(2010, 6, 15);
  private static final LocalDate EIGHTEEN = LocalDate.of(2028, 6, 15);
  private static final Period NOTICE = Period.ofDays(90);

  static Stream<Arguments> days() {
    return Stream.of(
        Arguments.of("91 days before", 91, false),
        Arguments.of("90 days before: the notice starts", 90, true),
        Arguments.of("1 day before", 1, true),
        Arguments.of("on the birthday", 0, true),
        Arguments.of("the day after, plan still open", -1, true),
        Arguments.of("a year after, plan still open", -365, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("days")
  void fromTheNoticeOnUntilThePlanIsClosed(String when, int daysBefore, boolean due) {
    LocalDate today = EIGHTEEN.minusDays(daysBefore);
    assertThat(new TransitionNotice(NOTICE).due(EIGHTEEN, today)).isEqualTo(due);
    assertThat(
            plan(CarePlanKind.CHILD, CarePlanStatus.ACTIVE, BORN)
                .transitionNeedsAttention(today, NOTICE))
        .isEqualTo(due);
  }

  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of("a child's draft", CarePlanKind.CHILD, CarePlanStatus.DRAFT, BORN, true),
        Arguments.of(
            "a child's active plan", CarePlanKind.CHILD, CarePlanStatus.ACTIVE, BORN, true),
        Arguments.of("completed", CarePlanKind.CHILD, CarePlanStatus.COMPLETED, BORN, false),
        Arguments.of("revoked", CarePlanKind.CHILD, CarePlanStatus.REVOKED, BORN, false),
        Arguments.of(
            "an adult's plan", CarePlanKind.COMPLEX_ADULT, CarePlanStatus.ACTIVE, BORN, false),
        Arguments.of("birth date unknown", CarePlanKind.CHILD, CarePlanStatus.ACTIVE, null, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void onlyAnOpenChildsPlanWithAKnownBirthday(
      String what, CarePlanKind kind, CarePlanStatus status, LocalDate born, boolean due) {
    assertThat(plan(kind, status, born).transitionNeedsAttention(EIGHTEEN.minusDays(30), NOTICE))
        .isEqualTo(due);
  }

  /** What the attention list's query selects with one comparison is exactly the rule. */
  @Test
  void theLatestDueBirthdayIsExactlyTheRuleForDaysMonthsAndYears() {
    for (Period notice :
        List.of(Period.ZERO, Period.ofDays(90), Period.ofMonths(3), Period.of(1, 1, 1))) {
      TransitionNotice rule = new TransitionNotice(notice);
      for (LocalDate today = LocalDate.of(2027, 1, 1);
          today.isBefore(LocalDate.of(2029, 1, 1));
          today = today.plusDays(1)) {
        LocalDate latest = rule.latestDueBirthday(today);
        for (int offset = -40; offset <= 40; offset++) {
          LocalDate birthday = latest.plusDays(offset);
          assertThat(rule.due(birthday, today))
              .as("%s, today %s, birthday %s", notice, today, birthday)
              .isEqualTo(!birthday.isAfter(latest));
        }
      }
    }
  }

  private static CarePlan plan(CarePlanKind kind, CarePlanStatus status, LocalDate born) {
    return CarePlan.restore(
        "plan-1",
        kind,
        "999000000018016",
        Instant.parse("2026-03-02T09:00:00Z"),
        born,
        status,
        List.of(),
        null,
        null,
        null);
  }
}
