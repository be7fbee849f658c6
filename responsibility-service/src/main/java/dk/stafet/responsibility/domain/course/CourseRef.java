package dk.stafet.responsibility.domain.course;

import java.util.Objects;

/**
 * Identifies the course that gives the current holder its responsibility; handovers move it (R23).
 */
public record CourseRef(CourseKind kind, String id) {
  /** The reference used when the listed GP holds PRD without any course (R5). */
  public static final CourseRef LISTED_GP = new CourseRef(CourseKind.LISTED_GP, "listed-gp");

  public CourseRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
