package dk.stafet.responsibility.domain.rules;

/** Whom {@link WhoToCall} points at (R22). */
public enum CalleeRole {
  /** The PRD department's 24-h line. */
  HOSPITAL_DEPARTMENT_24H,
  /** The GP's direct line, GP hours only (R2). */
  GP,
  /** A practising specialist holding PRD through a handover, GP hours only. */
  PRACTISING_SPECIALIST,
  /** The out-of-hours service [lægevagt], outside GP hours. */
  OUT_OF_HOURS_SERVICE,
  /** Nobody: after death (R20), or a gap (R26 — escalate to the course coordinator). */
  NOBODY
}
