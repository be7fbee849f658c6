package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A hospital-owned course outside admission: outpatient (R11), follow-up of treatment unfinished at
 * discharge (R11) or IV at home (R12). The owner is the hospital department unless a handover moved
 * it (R23), e.g. to the GP.
 */
public record HospitalCourse(
    String courseId, CourseKind kind, Organisation owner, Instant startedAt, boolean handedOver) {
  private static final Set<CourseKind> KINDS =
      Set.of(CourseKind.OUTPATIENT, CourseKind.FOLLOW_UP, CourseKind.IV_AT_HOME);

  public HospitalCourse {
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(startedAt, "startedAt");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("not a hospital course kind: " + kind);
    }
  }

  public CourseRef ref() {
    return new CourseRef(kind, courseId);
  }
}
