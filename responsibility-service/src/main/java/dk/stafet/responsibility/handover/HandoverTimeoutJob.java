package dk.stafet.responsibility.handover;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R24: finds proposals past their respondBy and times them out, one transaction each (one failure
 * does not hold up the others; the next run retries it). Never transfers anything.
 */
@ApplicationScoped
public class HandoverTimeoutJob {

  private final HandoverService handovers;

  public HandoverTimeoutJob(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Scheduled(
      every = "${stafet.handover.timeout-check-interval:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void checkDeadlines() {
    Instant now = Instant.now();
    List<UUID> due =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> HandoverRow.dueForTimeout(now).stream().map(r -> r.id).toList());
    for (UUID id : due) {
      try {
        handovers.timeOut(id, now);
      } catch (RuntimeException e) {
        Log.warnf(
            "Handover %s could not be timed out now, will retry: %s",
            id, e.getClass().getSimpleName());
      }
    }
  }
}
