package dk.stafet.responsibility.domain.handover;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;

/**
 * R24: alarm "handover-unanswered" to the proposer and the course coordinator, raised at respondBy.
 * Nothing is transferred by default.
 */
public record HandoverUnansweredAlarm(
    String handoverId, Organisation proposer, Organisation receiver, Instant respondBy) {
  public String name() {
    return "handover-unanswered";
  }
}
