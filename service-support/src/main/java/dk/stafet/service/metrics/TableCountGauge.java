package dk.stafet.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A gauge per value of one column: how many rows of a table are in each state (deliveries,
 * quarantined input). Counted by {@link #refresh} (the owner calls it on a schedule), so a scrape
 * never waits for the database and a restarted instance reports what is in the table.
 */
public final class TableCountGauge {

  private static final Logger LOG = Logger.getLogger(TableCountGauge.class);

  private final String name;
  private final MultiGauge gauge;
  private final String tag;
  private final String query;

  /**
   * @param query {@code SELECT <value>, count(*) FROM ... GROUP BY <value>}
   * @param tag the tag the value is reported under
   */
  public TableCountGauge(
      MeterRegistry meters, String name, String description, String tag, String query) {
    this.name = name;
    this.gauge = MultiGauge.builder(name).description(description).register(meters);
    this.tag = tag;
    this.query = query;
  }

  /**
   * As {@link #refresh}, for a schedule: when the database is away the figures stay as they were
   * until the next count.
   */
  public void refreshQuietly(EntityManager entities) {
    try {
      refresh(entities);
    } catch (RuntimeException e) {
      LOG.debugf("Could not recount %s: %s", name, e.getClass().getSimpleName());
    }
  }

  /** Recounts from the table (in the caller's transaction, or a new one). */
  public void refresh(EntityManager entities) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        QuarkusTransaction.joiningExisting()
            .call(() -> entities.createNativeQuery(query).getResultList());
    gauge.register(
        rows.stream()
            .map(
                row ->
                    MultiGauge.Row.of(
                        Tags.of(tag, String.valueOf(row[0])), ((Number) row[1]).longValue()))
            .toList(),
        true);
  }
}
