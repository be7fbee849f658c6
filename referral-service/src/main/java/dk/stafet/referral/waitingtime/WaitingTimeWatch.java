package dk.stafet.referral.waitingtime;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The waiting-time watch (issue 6, item 5): every {@code stafet.waiting-time.check-interval} it
 * raises WAITING_TIME_WARNING for referrals that have come within {@code
 * stafet.waiting-time.warn-before} of their deadline and WAITING_TIME_EXCEEDED for those past it —
 * each at most once per referral (docs/waiting-times.md).
 */
@ApplicationScoped
public class WaitingTimeWatch {

  private final WaitingTimeAlerts alerts;

  public WaitingTimeWatch(WaitingTimeAlerts alerts) {
    this.alerts = alerts;
  }

  @Scheduled(
      identity = "waiting-time-watch",
      every = "${stafet.waiting-time.check-interval:1m}",
      delayed = "${stafet.waiting-time.check-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    check(Instant.now());
  }

  /**
   * One run at {@code now}; one transaction per alert, so one failing referral does not hold up the
   * others.
   */
  public Map<WaitingTimeAlert.Kind, Integer> check(Instant now) {
    Map<WaitingTimeAlert.Kind, Integer> raised = new EnumMap<>(WaitingTimeAlert.Kind.class);
    List<UUID> due = alerts.due(now);
    for (UUID referralId : due) {
      try {
        Optional<WaitingTimeAlert.Kind> kind = alerts.raise(referralId, now);
        kind.ifPresent(k -> raised.merge(k, 1, Integer::sum));
      } catch (RuntimeException e) {
        // No patient data: the referral id and the exception type only; the next run tries again.
        Log.warnf(
            "Waiting-time alert for referral %s failed: %s",
            referralId, e.getClass().getSimpleName());
      }
    }
    if (!raised.isEmpty()) {
      Log.infof("Waiting-time watch: %d referral(s) due, raised %s", due.size(), raised);
    }
    return raised;
  }
}
