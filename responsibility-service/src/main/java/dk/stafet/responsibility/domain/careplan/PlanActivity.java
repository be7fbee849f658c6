package dk.stafet.responsibility.domain.careplan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who does what: one organisation's effort in the plan. Several activities may run at the same time
 * (parallel efforts, brief C10). The description is clinical free text: stored and shown to the
 * parties, never logged or put in an event.
 *
 * @param start the planned or actual first day (null: not yet known)
 * @param end the planned or actual last day (null: open)
 */
public record PlanActivity(
    String id,
    String ownerSor,
    String description,
    ActivityStatus status,
    LocalDate start,
    LocalDate end) {

  public PlanActivity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerSor, "ownerSor");
    Objects.requireNonNull(status, "status");
  }

  PlanActivity with(ActivityStatus newStatus, LocalDate newStart, LocalDate newEnd) {
    return new PlanActivity(id, ownerSor, description, newStatus, newStart, newEnd);
  }
}
