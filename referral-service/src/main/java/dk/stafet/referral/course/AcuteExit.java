package dk.stafet.referral.course;

/** How an acute-function course ends (003 Annex III); decides R15. */
public enum AcuteExit {
  HOME,
  ADMITTED,
  OUTPATIENT,
  MUNICIPAL_CARE,
  GP_FOLLOW_UP
}
