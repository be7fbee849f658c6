package dk.stafet.referral.course.lifecycle;

/** Where a referral [henvisning] is in its course (docs/course-facts.md). */
public enum ReferralState {
  RECEIVED,
  ACCEPTED,
  REJECTED,
  FORWARDED,
  STARTED,
  ENDED;

  public boolean isFinal() {
    return this == REJECTED || this == FORWARDED || this == ENDED;
  }
}
