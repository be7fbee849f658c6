package dk.stafet.responsibility.domain.course;

/** Form of a municipal acute-function course (003 §1): mobile acute team or an acute place. */
public enum AcuteForm {
  TEAM,
  PLACE
}
