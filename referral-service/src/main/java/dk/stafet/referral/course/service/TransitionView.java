package dk.stafet.referral.course.service;

import dk.stafet.referral.course.CourseTransition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One history row of a referral, stay or course. */
public record TransitionView(
    String transition,
    String fromState,
    String toState,
    boolean effective,
    Instant occurredAt,
    Instant recordedAt,
    String actorSor,
    String sourceMessageId,
    UUID eventId) {

  static TransitionView of(CourseTransition row) {
    return new TransitionView(
        row.transition,
        row.fromState,
        row.toState,
        row.effective,
        row.occurredAt,
        row.recordedAt,
        row.actorSor,
        row.sourceMessageId,
        row.eventId);
  }

  static List<TransitionView> history(CourseTransition.Aggregate aggregate, Object id) {
    return CourseTransition.of(aggregate, id.toString()).stream().map(TransitionView::of).toList();
  }
}
