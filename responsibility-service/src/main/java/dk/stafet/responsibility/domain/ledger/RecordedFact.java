package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.course.CourseEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A fact as the ledger received it: the event, when it was recorded and the arrival sequence
 * number.
 */
public record RecordedFact(long sequence, CourseEvent event, Instant recordedAt) {
  public RecordedFact {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
