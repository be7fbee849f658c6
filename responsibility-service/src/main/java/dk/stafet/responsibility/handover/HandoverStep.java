package dk.stafet.responsibility.handover;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One step of a handover (proposed, accepted, rejected, timed out, voided); append-only history.
 */
@Entity
@Immutable
@Table(name = "handover_step")
public class HandoverStep extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "handover_id", nullable = false)
  public UUID handoverId;

  @Column(nullable = false)
  public String step;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "actor_sor")
  public String actorSor;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  static void record(UUID handoverId, String step, Instant occurredAt, String actorSor) {
    HandoverStep s = new HandoverStep();
    s.handoverId = handoverId;
    s.step = step;
    s.occurredAt = occurredAt;
    s.actorSor = actorSor;
    s.recordedAt = Instant.now();
    s.persist();
  }
}
