package dk.stafet.responsibility.domain.careplan;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * When a child's coming 18th birthday needs attention (brief C10, docs/care-plan.md): from {@code
 * notice} before the birthday on, and after it, for as long as the child's plan stays open — the
 * transition to adult services is agreed by closing the child's plan (closing talk, complete) and,
 * where the young adult still needs one, a plan of its own (COMPLEX_ADULT).
 *
 * @param notice how long before the birthday ({@code stafet.care-plan.transition-notice})
 */
public record TransitionNotice(Period notice) {

  public TransitionNotice {
    Objects.requireNonNull(notice, "notice");
    if (notice.isNegative()) {
      throw new IllegalArgumentException("the transition notice cannot be negative: " + notice);
    }
  }

  /** The first day the coming birthday needs attention. */
  public LocalDate firstDay(LocalDate transitionAt) {
    return transitionAt.minus(notice);
  }

  /** Whether a birthday on {@code transitionAt} needs attention on {@code today}. */
  public boolean due(LocalDate transitionAt, LocalDate today) {
    return !today.isBefore(firstDay(transitionAt));
  }

  /**
   * The latest birthday that needs attention on {@code today}: {@link #due} holds exactly for the
   * birthdays on or before it, so a query can select them with one comparison. A period in months
   * does not simply invert (May 31 minus 3 months is the end of February), hence the steps; {@link
   * #firstDay} never decreases as the birthday moves later, so the answer is exact.
   */
  public LocalDate latestDueBirthday(LocalDate today) {
    LocalDate birthday = today.plus(notice);
    while (!due(birthday, today)) {
      birthday = birthday.minusDays(1);
    }
    while (due(birthday.plusDays(1), today)) {
      birthday = birthday.plusDays(1);
    }
    return birthday;
  }
}
