package dk.stafet.referral.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One history row per transition of a referral, stay, course or patient, including notifications
 * that were only recorded (effective = false). Rows are inserted, never changed: a database trigger
 * refuses UPDATE and DELETE.
 */
@Entity
@Immutable
@Table(name = "course_transition")
public class CourseTransition extends PanacheEntityBase {

  /** What the row is the history of. */
  public enum Aggregate {
    REFERRAL,
    HOSPITAL_STAY,
    COURSE,
    PATIENT
  }

  @Id public UUID id;

  @Column(name = "aggregate_type", nullable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public Aggregate aggregateType;

  /** The referral, stay or course id, or the patient key for patient facts. */
  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(nullable = false)
  public String transition;

  @Column(name = "from_state")
  public String fromState;

  @Column(name = "to_state", nullable = false)
  public String toState;

  /** False when the notification changed nothing and was kept as history only (no event). */
  @Column(nullable = false)
  public boolean effective;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  /** The organisation that did the act (the REST caller or the MedCom serviceProvider). */
  @Column(name = "actor_sor")
  public String actorSor;

  @Column(name = "source_message_id")
  public String sourceMessageId;

  /** The CourseEvent published for this transition, if any. */
  @Column(name = "event_id")
  public UUID eventId;

  public static List<CourseTransition> of(Aggregate type, String aggregateId) {
    return list(
        "aggregateType = ?1 AND aggregateId = ?2 ORDER BY recordedAt, occurredAt",
        type,
        aggregateId);
  }

  /**
   * The latest effective row of one transition of an aggregate, e.g. the discharge an AN_SLHJ
   * cancels.
   */
  public static Optional<CourseTransition> lastEffective(
      Aggregate type, String aggregateId, String transition) {
    return find(
            "aggregateType = ?1 AND aggregateId = ?2 AND transition = ?3 AND effective = true "
                + "ORDER BY recordedAt DESC, occurredAt DESC",
            type,
            aggregateId,
            transition)
        .firstResultOptional();
  }
}
