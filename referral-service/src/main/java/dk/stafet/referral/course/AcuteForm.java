package dk.stafet.referral.course;

/**
 * The form of an acute-function course: the mobile acute team at home, or an acute place
 * [akutplads].
 */
public enum AcuteForm {
  TEAM,
  PLACE
}
