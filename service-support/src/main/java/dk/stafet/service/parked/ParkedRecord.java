package dk.stafet.service.parked;

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

/**
 * A record a consumer could not apply, kept visibly until a coordinator replays or dismisses it
 * (V20__parked_record).
 */
@Entity
@Table(name = "parked_record")
public class ParkedRecord extends PanacheEntityBase {

  public enum State {
    PARKED,
    REPLAYED,
    DISMISSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "source_topic", nullable = false)
  public String sourceTopic;

  @Column(name = "source_partition", nullable = false)
  public int sourcePartition;

  @Column(name = "source_offset", nullable = false)
  public long sourceOffset;

  @Column(name = "dead_letter_topic", nullable = false)
  public String deadLetterTopic;

  @Column(name = "record_key")
  public byte[] recordKey;

  @Column(name = "record_value")
  public byte[] recordValue;

  @Column(name = "record_headers", nullable = false)
  public String recordHeaders;

  @Column(name = "message_id")
  public String messageId;

  @Column(name = "event_type")
  public String eventType;

  @Column(name = "patient_key")
  public String patientKey;

  @Column(name = "error_class")
  public String errorClass;

  @Column(name = "error_message")
  public String errorMessage;

  @Column(name = "failed_at", nullable = false)
  public Instant failedAt;

  @Column(name = "parked_at", nullable = false)
  public Instant parkedAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "replay_of")
  public Long replayOf;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "resolved_by")
  public String resolvedBy;

  @Column(name = "dismiss_reason")
  public String dismissReason;
}
