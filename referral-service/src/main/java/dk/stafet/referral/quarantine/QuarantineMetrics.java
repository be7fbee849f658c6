package dk.stafet.referral.quarantine;

import dk.stafet.service.metrics.TableCountGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * {@code stafet_quarantine_inputs{status}}: the quarantine's size, by status (QUARANTINED waits for
 * a coordinator; docs/operations.md). Recounted on a schedule.
 */
@ApplicationScoped
public class QuarantineMetrics {

  private final EntityManager entities;
  private final TableCountGauge inputs;

  public QuarantineMetrics(EntityManager entities, MeterRegistry meters) {
    this.entities = entities;
    this.inputs =
        new TableCountGauge(
            meters,
            "stafet.quarantine.inputs",
            "Inputs kept in quarantine, by status (QUARANTINED waits for a coordinator)",
            "status",
            "SELECT status, count(*) FROM quarantined_input GROUP BY status");
  }

  @Scheduled(
      every = "${stafet.metrics.refresh-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    inputs.refreshQuietly(entities);
  }
}
