package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An active municipal acute-function course. The municipality delivers it but is never responsible
 * (R16); the referrer's kind decides who is (R10 hospital, R13 GP / municipal nursing, R14
 * out-of-hours). {@code handedOverTo}: a handover moved the course to another holder (R23).
 */
public record AcuteFunctionCourse(
    String courseId,
    Organisation municipality,
    Organisation referrer,
    AcuteForm form,
    Instant startedAt,
    Optional<Organisation> handedOverTo) {
  public AcuteFunctionCourse {
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(handedOverTo, "handedOverTo");
  }

  public CourseRef ref() {
    return new CourseRef(CourseKind.ACUTE_FUNCTION, courseId);
  }
}
