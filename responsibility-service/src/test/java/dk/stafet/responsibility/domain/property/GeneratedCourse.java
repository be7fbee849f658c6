package dk.stafet.responsibility.domain.property;

import dk.stafet.responsibility.domain.course.CourseEvent;
import java.util.List;
import java.util.Set;

/**
 * A generated patient course: its facts in generation (time) order, the order they are delivered to
 * the ledger (a permutation), the municipality ids that must never become responsible, and a seed
 * for random check instants.
 */
public record GeneratedCourse(
    List<CourseEvent> facts,
    List<CourseEvent> deliveryOrder,
    Set<String> municipalityIds,
    long seed,
    int handoverChecks) {
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("GeneratedCourse[\n");
    for (CourseEvent e : facts) {
      b.append("  ").append(e).append('\n');
    }
    b.append("  delivered: ");
    deliveryOrder.forEach(e -> b.append(e.eventId()).append(' '));
    return b.append("\n]").toString();
  }
}
