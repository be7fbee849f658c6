package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;

/** An active practising-specialist course (R19): changes only the treatment column. */
public record SpecialistCourse(String courseId, Organisation specialist, Instant startedAt) {
  public SpecialistCourse {
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(specialist, "specialist");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  public CourseRef ref() {
    return new CourseRef(CourseKind.SPECIALIST, courseId);
  }
}
