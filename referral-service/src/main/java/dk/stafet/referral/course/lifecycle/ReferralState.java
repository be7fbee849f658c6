package dk.stafet.referral.course.lifecycle;

/** Where a referral [henvisning] is in its course (docs/course-facts.md). */
public enum ReferralState {
  RECEIVED,
  ACCEPTED,
  REJECTED,
  FORWARDED,
  STARTED,
  ENDED;

  /**
   * Nothing more happens to the referral. A forwarded one is not final: its new receiver visits it.
   */
  public boolean isFinal() {
    return this == REJECTED || this == ENDED;
  }
}
