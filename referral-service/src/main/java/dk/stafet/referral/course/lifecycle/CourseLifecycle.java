package dk.stafet.referral.course.lifecycle;

/**
 * The course state machine: a course is started (ACTIVE) and ended once; a declined acute-function
 * referral is created DECLINED and never changes.
 */
public final class CourseLifecycle {

  public static final String AGGREGATE = "course";

  /** What can happen to an existing course. */
  public enum Transition {
    END
  }

  private CourseLifecycle() {}

  public static CourseState started() {
    return CourseState.ACTIVE;
  }

  public static CourseState declined() {
    return CourseState.DECLINED;
  }

  /**
   * @throws InvalidTransitionException unless the course is active
   */
  public static CourseState next(CourseState from, Transition transition) {
    if (from != CourseState.ACTIVE) {
      throw new InvalidTransitionException(AGGREGATE, transition, from);
    }
    return CourseState.ENDED;
  }
}
