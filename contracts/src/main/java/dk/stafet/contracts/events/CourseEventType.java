package dk.stafet.contracts.events;

/**
 * The course facts of the domain brief §3 that the rules react to. The name of each constant is its
 * CloudEvents type suffix ({@code dk.stafet.course.<name in lower-case>}).
 */
public enum CourseEventType {
  REFERRAL_RECEIVED,
  REFERRAL_ACCEPTED,
  REFERRAL_REJECTED,
  REFERRAL_FORWARDED,
  REFERRAL_STARTED,
  REFERRAL_ENDED,
  ADMISSION_STARTED,
  ADMISSION_CANCELLED,
  LEAVE_STARTED,
  LEAVE_ENDED,
  DISCHARGED,
  DECEASED,
  ACUTE_COURSE_STARTED,
  ACUTE_COURSE_ENDED,
  ACUTE_REFERRAL_DECLINED,
  OUTPATIENT_COURSE_STARTED,
  OUTPATIENT_COURSE_ENDED,
  IV_TREATMENT_STARTED,
  IV_TREATMENT_ENDED,
  SPECIALIST_COURSE_STARTED,
  SPECIALIST_COURSE_ENDED,
  LISTED_GP_REGISTERED,
  /**
   * A referral's maximum waiting time (domain brief §8, W1–W8) is close: warn the department and
   * the coordinators.
   */
  WAITING_TIME_WARNING,
  /**
   * A referral's maximum waiting time is exceeded: escalate to the patient advisor
   * (docs/waiting-times.md).
   */
  WAITING_TIME_EXCEEDED;

  public String cloudEventType() {
    return "dk.stafet.course." + name().toLowerCase().replace('_', '-');
  }
}
