package dk.stafet.service.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The bookkeeping columns of a row that changes over its life (a referral, a stay, a course, a
 * handover): when Stafet first recorded it, when it last changed, and the optimistic lock that
 * keeps two concurrent changes from overwriting each other. Kept here once so the services' rows
 * cannot drift apart; the timestamps are Stafet's own clock, never the clinical times the row
 * carries (those are the subclass's columns).
 */
@MappedSuperclass
public abstract class RecordedRow extends PanacheEntityBase {

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  @PrePersist
  void stampRecorded() {
    if (recordedAt == null) {
      recordedAt = Instant.now();
    }
    if (updatedAt == null) {
      updatedAt = recordedAt;
    }
  }

  @PreUpdate
  void stampUpdated() {
    updatedAt = Instant.now();
  }
}
