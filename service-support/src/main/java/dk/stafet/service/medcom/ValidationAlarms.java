package dk.stafet.service.medcom;

import dk.stafet.contracts.medcom.FastPathDisagreementListener;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.service.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a disagreement of the compiled validation fast path goes (issue 11): HAPI, re-checking a
 * sample of the messages the fast path accepted, rejects one. The message has already been answered
 * {@code ok}, so a person must know: a counter ({@code stafet.medcom.fast.path.disagreements}), an
 * error log line and an alarm kept in the database (table {@code validation_alarm}) that
 * coordinators see on their page until one acknowledges it. The remedy is operational: switch the
 * fast path off ({@code …medcom.fast-path.enabled=false}) and report the paths. Only element paths
 * are kept and logged, never values (HAPI's texts may quote patient data).
 */
@ApplicationScoped
public class ValidationAlarms implements FastPathDisagreementListener {

  /** Open alarms kept at most; beyond it a disagreement is still counted and logged. */
  static final int MAX_OPEN = 1_000;

  private static final int LIST_LIMIT = 100;

  private final EntityManager entities;
  private final MeterRegistry meters;
  private final AuditLog audit;

  public ValidationAlarms(EntityManager entities, MeterRegistry meters, AuditLog audit) {
    this.entities = entities;
    this.meters = meters;
    this.audit = audit;
  }

  /** An alarm as coordinators see it. */
  public record ValidationAlarm(
      long id, Instant raisedAt, String messageType, List<String> errorPaths) {}

  /** Runs on the sampler's thread, outside any request: its own transaction. */
  @Override
  public void disagreement(MessageType type, List<String> errorPaths) {
    meters
        .counter("stafet.medcom.fast.path.disagreements", "message_type", type.name())
        .increment();
    Log.errorf(
        "MedCom fast path accepted a %s message that HAPI rejects at %s: a fast-path defect,"
            + " see docs/performance.md",
        type, errorPaths);
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (openCount() < MAX_OPEN) {
                  entities
                      .createNativeQuery(
                          "INSERT INTO validation_alarm (message_type, error_paths) VALUES (?1, ?2)")
                      .setParameter(1, type.name())
                      .setParameter(2, String.join("\n", errorPaths))
                      .executeUpdate();
                }
              });
    } catch (RuntimeException e) {
      // the counter and the log line above still tell; the alarm row is best effort
      Log.warnf("Could not keep the validation alarm (%s)", e.getClass().getSimpleName());
    }
  }

  /** The open alarms, newest first (at most 100). */
  @Transactional
  public List<ValidationAlarm> open() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT id, raised_at, message_type, error_paths FROM validation_alarm"
                    + " WHERE acknowledged_at IS NULL ORDER BY raised_at DESC, id DESC")
            .setMaxResults(LIST_LIMIT)
            .getResultList();
    return rows.stream().map(ValidationAlarms::alarm).toList();
  }

  /**
   * Marks an open alarm seen by this coordinator (the act audited); empty if there is no such open
   * alarm.
   */
  @Transactional
  public Optional<Long> acknowledge(long id, String coordinatorSor) {
    int changed =
        entities
            .createNativeQuery(
                "UPDATE validation_alarm SET acknowledged_at = now(), acknowledged_by = ?1"
                    + " WHERE id = ?2 AND acknowledged_at IS NULL")
            .setParameter(1, coordinatorSor)
            .setParameter(2, id)
            .executeUpdate();
    if (changed != 1) {
      return Optional.empty();
    }
    audit.read(
        coordinatorSor,
        "ACKNOWLEDGE_VALIDATION_ALARM",
        null,
        ValidationAlarmResource.RESOURCE,
        Long.toString(id));
    return Optional.of(id);
  }

  private long openCount() {
    return ((Number)
            entities
                .createNativeQuery(
                    "SELECT count(*) FROM validation_alarm WHERE acknowledged_at IS NULL")
                .getSingleResult())
        .longValue();
  }

  private static ValidationAlarm alarm(Object[] row) {
    Object raised = row[1];
    Instant raisedAt =
        raised instanceof Timestamp timestamp
            ? timestamp.toInstant()
            : raised instanceof Instant instant ? instant : ((OffsetDateTime) raised).toInstant();
    return new ValidationAlarm(
        ((Number) row[0]).longValue(),
        raisedAt,
        (String) row[2],
        Arrays.asList(((String) row[3]).split("\n")));
  }
}
