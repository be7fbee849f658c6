package dk.stafet.referral.waitingtime;

import dk.stafet.referral.course.WaitingTimeRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An alert about a referral's maximum waiting time that has been published, at most one per
 * referral and kind (unique constraint {@code waiting_time_alert_once}). Written only by {@link
 * WaitingTimeAlerts#raise}; never updated.
 */
@Entity
@Table(name = "waiting_time_alert")
public class WaitingTimeAlert extends PanacheEntityBase {

  public enum Kind {
    WARNING,
    EXCEEDED
  }

  @Id public UUID id;

  @Column(name = "referral_id", nullable = false)
  public UUID referralId;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "waiting_time_rule", nullable = false)
  public WaitingTimeRule waitingTimeRule;

  /** The last allowed day. */
  @Column(nullable = false)
  public LocalDate deadline;

  @Column(name = "crossed_at", nullable = false)
  public Instant crossedAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  public static List<WaitingTimeAlert> ofReferral(UUID referralId) {
    return list("referralId = ?1 ORDER BY recordedAt", referralId);
  }
}
