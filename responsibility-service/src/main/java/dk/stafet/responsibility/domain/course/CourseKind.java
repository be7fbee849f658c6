package dk.stafet.responsibility.domain.course;

/**
 * What kind of course (or standing position) makes an organisation responsible (brief §2 "Course").
 */
public enum CourseKind {
  /** No course: the listed GP by default (R5). */
  LISTED_GP,
  /** Inpatient admission or emergency contact (R6, R7). */
  ADMISSION,
  /** Hospital outpatient course (R11). */
  OUTPATIENT,
  /** Hospital treatment unfinished at discharge / at the end of a started referral (R11). */
  FOLLOW_UP,
  /** IV treatment at home or in an acute function (R12). */
  IV_AT_HOME,
  /** Municipal acute-function course (R10, R13, R14, R15). */
  ACUTE_FUNCTION,
  /** Referral to a hospital department or practising specialist (R17, R18). */
  REFERRAL,
  /** Practising-specialist course (R19). */
  SPECIALIST,
  /**
   * Responsibility accepted through a handover from a holder that had no course of its own (R23).
   */
  TRANSFER
}
