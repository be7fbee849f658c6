package dk.stafet.referral.course.lifecycle;

/** The states of an acute-function, outpatient, IV or practising-specialist course. */
public enum CourseState {
  ACTIVE,
  ENDED,
  /** An acute-function referral the acute function declined (it always decides intake, R16). */
  DECLINED
}
