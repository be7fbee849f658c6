package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;

/**
 * An active admission or emergency contact (R6). {@code onLeave}: R7, the admission continues.
 * {@code cancelled}: R8, registered in error — ignored by the rules at every instant. {@code
 * handedOver}: the department was changed by an accepted handover (R23).
 */
public record Admission(
    String admissionId,
    Organisation department,
    AdmissionForm form,
    Instant admittedAt,
    boolean onLeave,
    boolean cancelled,
    boolean handedOver) {
  public Admission {
    Objects.requireNonNull(admissionId, "admissionId");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(admittedAt, "admittedAt");
  }

  public CourseRef ref() {
    return new CourseRef(CourseKind.ADMISSION, admissionId);
  }
}
