package dk.stafet.responsibility.domain.course;

/** Life cycle of a referral [henvisning] (R17, R18). */
public enum ReferralState {
  RECEIVED,
  ACCEPTED,
  FORWARDED,
  REJECTED,
  STARTED,
  ENDED;

  /** R17: received, accepted or forwarded — the referrer keeps PRD while it waits. */
  public boolean isPending() {
    return this == RECEIVED || this == ACCEPTED || this == FORWARDED;
  }
}
