package dk.stafet.referral.course.lifecycle;

/** What can happen to a referral after it was received. */
public enum ReferralTransition {
  /** Visitation: accepted. */
  ACCEPT,
  /** Visitation: rejected, with a reason. */
  REJECT,
  /** Visitation: forwarded to another organisation. */
  FORWARD,
  /** First contact: the course is in progress. */
  START,
  /** The referral course has ended. */
  END
}
