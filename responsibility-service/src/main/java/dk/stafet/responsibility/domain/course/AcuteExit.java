package dk.stafet.responsibility.domain.course;

/**
 * How an acute-function course ends (003 Annex III). Informational for R15: "admitted" is followed
 * by an admission event (R6) and "outpatient" by an outpatient course (R11), which carry the
 * responsibility themselves.
 */
public enum AcuteExit {
  HOME,
  ADMITTED,
  OUTPATIENT,
  MUNICIPAL_CARE,
  GP_FOLLOW_UP
}
