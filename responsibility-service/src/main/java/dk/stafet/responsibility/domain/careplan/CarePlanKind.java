package dk.stafet.responsibility.domain.careplan;

/** Which courses get a shared plan (brief C10): a child's course, or a complex adult course. */
public enum CarePlanKind {
  /** A child's course: the plan shows the transition at 18 (the 18th birthday). */
  CHILD,
  COMPLEX_ADULT
}
