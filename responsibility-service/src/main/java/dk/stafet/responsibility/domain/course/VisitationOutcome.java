package dk.stafet.responsibility.domain.course;

/** Outcome of visitation [visitation] of a referral (R17). */
public enum VisitationOutcome {
  ACCEPTED,
  REJECTED,
  FORWARDED
}
