package dk.stafet.notification.delivery;

import dk.stafet.service.metrics.TableCountGauge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * The delivery figures ops watch (docs/operations.md, "Metrics"): {@code stafet_deliveries{state}}
 * (every outgoing message by state, DEAD_LETTER included; recounted on a schedule), {@code
 * stafet_delivery_retransmissions_total}, {@code stafet_delivery_dead_letters_total} and {@code
 * stafet_delivery_ack_latency_seconds} (first transmission to a positive acknowledgement).
 */
@ApplicationScoped
public class DeliveryMetrics {

  private final EntityManager entities;
  private final TableCountGauge byState;
  private final Counter retransmissions;
  private final Counter deadLetters;
  private final Timer ackLatency;

  public DeliveryMetrics(EntityManager entities, MeterRegistry meters) {
    this.entities = entities;
    this.byState =
        new TableCountGauge(
            meters,
            "stafet.deliveries",
            "Outgoing MedCom messages by delivery state",
            "state",
            "SELECT state, count(*) FROM outgoing_message GROUP BY state");
    this.retransmissions =
        Counter.builder("stafet.delivery.retransmissions")
            .description("Messages sent again after no or a transient-error acknowledgement")
            .register(meters);
    this.deadLetters =
        Counter.builder("stafet.delivery.dead.letters")
            .description("Messages that became dead letters (every retransmission used up)")
            .register(meters);
    this.ackLatency =
        Timer.builder("stafet.delivery.ack.latency")
            .description("From a message's first transmission to its positive acknowledgement")
            .publishPercentiles(0.5, 0.9, 0.99)
            .register(meters);
  }

  void retransmitted() {
    retransmissions.increment();
  }

  void deadLettered() {
    deadLetters.increment();
  }

  void acknowledgedAfter(Duration latency) {
    if (!latency.isNegative()) {
      ackLatency.record(latency);
    }
  }

  @Scheduled(
      every = "${stafet.metrics.refresh-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  public void refresh() {
    byState.refreshQuietly(entities);
  }
}
