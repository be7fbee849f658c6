package dk.stafet.responsibility.ledger;

import dk.stafet.service.persistence.Rows;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One fact of a patient's courses, as received; append-only (database trigger). The payload is a
 * {@link FactRecord}.
 */
@Entity
@Immutable
@Table(name = "course_fact")
public class CourseFact extends PanacheEntityBase {

  /**
   * Where a fact came from: stafet.course-events, an accepted handover (R23) or a named doctor
   * (R27).
   */
  public enum Source {
    COURSE_EVENT,
    HANDOVER,
    NAMED_DOCTOR
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Source source;

  @Column(nullable = false)
  public String type;

  @Column(name = "course_id")
  public String courseId;

  @Column(name = "organisation_sor")
  public String organisationSor;

  @Column(name = "counterpart_sor")
  public String counterpartSor;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(nullable = false)
  public String payload;

  /**
   * The patient's facts in arrival order as read-only values, not managed entities: a rebuild reads
   * every fact of the patient, and managed rows would be hydrated and then walked again by every
   * auto-flush of the transaction.
   */
  public static List<Stored> storedOfPatient(String patientKey) {
    return getEntityManager()
        .createQuery(
            "SELECT f.seq, f.occurredAt, f.payload FROM CourseFact f WHERE f.patientKey = ?1 ORDER BY f.seq",
            Object[].class)
        .setParameter(1, patientKey)
        .getResultStream()
        .map(
            row ->
                new Stored((Long) row[0], (Instant) row[1], FactRecord.fromJson((String) row[2])))
        .toList();
  }

  /**
   * How many facts the patient has besides {@code except}, and the highest sequence number among
   * them: enough to tell whether a replay checkpoint was made from exactly these facts (they are
   * append-only).
   */
  public static History historyExcept(String patientKey, long except) {
    Object[] row =
        getEntityManager()
            .createQuery(
                "SELECT count(f), max(f.seq) FROM CourseFact f WHERE f.patientKey = ?1 AND f.seq <> ?2",
                Object[].class)
            .setParameter(1, patientKey)
            .setParameter(2, except)
            .getSingleResult();
    return new History((Long) row[0], row[1] == null ? 0 : (Long) row[1]);
  }

  /** A patient's stored facts in brief: their number and highest sequence number (0 if none). */
  public record History(long count, long lastSeq) {}

  /** A stored fact: arrival order, event time (as stored) and the payload. */
  public record Stored(long seq, Instant occurredAt, FactRecord record) {}

  public static boolean exists(UUID eventId) {
    return Rows.exist(CourseFact.class, "eventId = ?1", eventId);
  }

  public FactRecord record() {
    return FactRecord.fromJson(payload);
  }
}
