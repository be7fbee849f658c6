package dk.stafet.referral.course;

import dk.stafet.contracts.events.CourseEventType;

/**
 * The kinds of course besides referrals and hospital stays, with the events that start and end
 * them.
 */
public enum CourseKind {
  ACUTE_FUNCTION(CourseEventType.ACUTE_COURSE_STARTED, CourseEventType.ACUTE_COURSE_ENDED),
  OUTPATIENT(CourseEventType.OUTPATIENT_COURSE_STARTED, CourseEventType.OUTPATIENT_COURSE_ENDED),
  IV_TREATMENT(CourseEventType.IV_TREATMENT_STARTED, CourseEventType.IV_TREATMENT_ENDED),
  SPECIALIST(CourseEventType.SPECIALIST_COURSE_STARTED, CourseEventType.SPECIALIST_COURSE_ENDED);

  private final CourseEventType started;
  private final CourseEventType ended;

  CourseKind(CourseEventType started, CourseEventType ended) {
    this.started = started;
    this.ended = ended;
  }

  public CourseEventType startedEvent() {
    return started;
  }

  public CourseEventType endedEvent() {
    return ended;
  }
}
