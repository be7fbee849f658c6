package dk.stafet.notification.delivery;

import dk.stafet.notification.config.DeliveryConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The persistent timer of retransmission: the acknowledgement deadlines live in the database
 * ({@code outgoing_message.next_attempt_at}), and this poller handles the due ones on a schedule.
 * Nothing is held in memory, so a restart loses no timer, and {@code FOR UPDATE SKIP LOCKED} lets
 * several replicas share the work.
 */
@ApplicationScoped
public class RetryPoller {

  private final DeliveryService deliveries;
  private final DeliveryConfig config;

  public RetryPoller(DeliveryService deliveries, DeliveryConfig config) {
    this.deliveries = deliveries;
    this.config = config;
  }

  @Scheduled(
      every = "${stafet.delivery.poll-interval:15s}",
      delayed = "${stafet.delivery.poll-delay:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // Class names only: a database message can quote row values, and the rows hold messages with
      // CPR numbers.
      Log.warnf(
          "Retransmission poll failed, will retry: %s (%s)",
          e.getClass().getSimpleName(), root.getClass().getSimpleName());
    }
  }

  /**
   * Handles everything due now, batch by batch, each batch in its own transaction; returns how
   * many.
   */
  public int runOnce() {
    int total = 0;
    int handled;
    do {
      handled = QuarkusTransaction.requiringNew().call(deliveries::handleDue);
      total += handled;
    } while (handled == config.batchSize());
    return total;
  }
}
