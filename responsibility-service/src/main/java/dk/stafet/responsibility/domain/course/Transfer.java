package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;

/**
 * Responsibility accepted through a relay handover (R23) from a holder that held it without a
 * course of its own (e.g. the listed GP by R5). Lasts until handed on again or death.
 */
public record Transfer(String handoverId, Organisation owner, Instant since) {
  public Transfer {
    Objects.requireNonNull(handoverId, "handoverId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(since, "since");
  }

  public CourseRef ref() {
    return new CourseRef(CourseKind.TRANSFER, handoverId);
  }
}
