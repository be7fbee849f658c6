package dk.stafet.service.parked;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code stafet_parked_records{service, topic, state}}: how many records of each original topic are
 * parked, replayed and dismissed. Recounted from the table after every change and on a schedule
 * ({@code stafet.parked.refresh-interval}), so the scrape never waits for the database and a
 * restarted instance reports what earlier ones parked.
 */
@ApplicationScoped
public class ParkedRecordMetrics {

  private static final Logger LOG = Logger.getLogger(ParkedRecordMetrics.class);

  private final EntityManager entities;
  private final MultiGauge gauge;
  private final String serviceName;
  private volatile Map<String, Map<ParkedRecord.State, Long>> counts = Map.of();

  public ParkedRecordMetrics(
      EntityManager entities,
      MeterRegistry meters,
      @ConfigProperty(name = "quarkus.application.name") String serviceName) {
    this.entities = entities;
    this.serviceName = serviceName;
    this.gauge =
        MultiGauge.builder("stafet.parked.records")
            .description(
                "Records a consumer could not apply, by original topic and state (PARKED waits for a coordinator)")
            .register(meters);
  }

  /** Per original topic, the count in each state (every state present, zeros included). */
  public Map<String, Map<ParkedRecord.State, Long>> counts() {
    return counts;
  }

  /** How many records wait for a coordinator. */
  public long parked() {
    return counts.values().stream()
        .mapToLong(byState -> byState.get(ParkedRecord.State.PARKED))
        .sum();
  }

  @Scheduled(
      every = "${stafet.parked.refresh-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The database may be away; the figures stay as they were until the next count.
      LOG.debugf("Could not recount parked records: %s", e.getClass().getSimpleName());
    }
  }

  /** Recounts from the table. */
  public void refresh() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    entities
                        .createNativeQuery(
                            "SELECT source_topic, state, count(*) FROM parked_record GROUP BY source_topic, state")
                        .getResultList());
    Map<String, Map<ParkedRecord.State, Long>> fresh = new TreeMap<>();
    for (Object[] row : rows) {
      Map<ParkedRecord.State, Long> byState =
          fresh.computeIfAbsent((String) row[0], topic -> zeros());
      byState.put(ParkedRecord.State.valueOf((String) row[1]), ((Number) row[2]).longValue());
    }
    counts = fresh;
    gauge.register(
        fresh.entrySet().stream()
            .flatMap(
                topic ->
                    topic.getValue().entrySet().stream()
                        .map(
                            state ->
                                MultiGauge.Row.of(
                                    Tags.of(
                                        "service",
                                        serviceName,
                                        "topic",
                                        topic.getKey(),
                                        "state",
                                        state.getKey().name()),
                                    state.getValue())))
            .toList(),
        true);
  }

  private static Map<ParkedRecord.State, Long> zeros() {
    Map<ParkedRecord.State, Long> zeros = new java.util.EnumMap<>(ParkedRecord.State.class);
    for (ParkedRecord.State state : ParkedRecord.State.values()) {
      zeros.put(state, 0L);
    }
    return zeros;
  }
}
