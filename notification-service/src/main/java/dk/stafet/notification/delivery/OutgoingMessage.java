package dk.stafet.notification.delivery;

import dk.stafet.service.persistence.Rows;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One MedCom message to one recipient and its delivery: what was sent last, how often, and what
 * came back.
 *
 * <p>Updated column by column ({@link DynamicUpdate}): an acknowledgement or a retransmission
 * changes a few small columns, and a full-row update wrote the whole Bundle (tens of KB, stored out
 * of line) again every time (pg_stat_statements in session 17's end-to-end run: ~2.9 KB of WAL per
 * acknowledgement; docs/performance.md).
 */
@Entity
@DynamicUpdate
@Table(name = "outgoing_message")
public class OutgoingMessage extends PanacheEntityBase {

  /** Stafet built the message itself, or delivers another organisation's message as the hub. */
  public enum Origin {
    ORIGINATED,
    HUB_DELIVERY
  }

  @Id public UUID id;

  @Column(name = "message_header_id")
  public String messageHeaderId;

  @Column(name = "source_event_id")
  public UUID sourceEventId;

  @Enumerated(EnumType.STRING)
  public Origin origin;

  @Column(name = "message_type")
  public String messageType;

  @Column(name = "event_code")
  public String eventCode;

  public String duty;

  @Column(name = "recipient_gln")
  public String recipientGln;

  @Column(name = "recipient_sor")
  public String recipientSor;

  @Column(name = "sender_gln")
  public String senderGln;

  @Column(name = "sender_sor")
  public String senderSor;

  @Column(name = "patient_key")
  public String patientKey;

  @Column(name = "course_id")
  public String courseId;

  @Enumerated(EnumType.STRING)
  public DeliveryState state;

  @Column(name = "state_reason")
  public String stateReason;

  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "last_bundle_id")
  public String lastBundleId;

  @Column(name = "last_bundle")
  public String lastBundle;

  @Column(name = "content_type")
  public String contentType;

  @Column(name = "ack_code")
  public String ackCode;

  @Column(name = "ack_header_id")
  public String ackHeaderId;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_sent_at")
  public Instant lastSentAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public long version;

  public static Optional<OutgoingMessage> byHeaderId(String messageHeaderId) {
    return find("messageHeaderId", messageHeaderId).firstResultOptional();
  }

  public static boolean exists(UUID sourceEventId, String recipientGln, String messageType) {
    return Rows.exist(
        OutgoingMessage.class,
        "sourceEventId = ?1 and recipientGln = ?2 and messageType = ?3",
        sourceEventId,
        recipientGln,
        messageType);
  }

  /**
   * Whether this event already produced this type of message for this recipient, or a message with
   * this MessageHeader.id is stored: {@link #exists} and {@link #byHeaderId} in one round trip.
   */
  public static boolean existsFor(
      UUID sourceEventId, String recipientGln, String messageType, String messageHeaderId) {
    return Rows.exist(
        OutgoingMessage.class,
        "(sourceEventId = ?1 and recipientGln = ?2 and messageType = ?3) or messageHeaderId = ?4",
        sourceEventId,
        recipientGln,
        messageType,
        messageHeaderId);
  }

  /**
   * The latest message of this type about a stay to a recipient (the previous link of a
   * HospitalNotification chain).
   */
  public static Optional<OutgoingMessage> latestAbout(
      String courseId, String recipientGln, String messageType) {
    return find(
            "courseId = ?1 and recipientGln = ?2 and messageType = ?3 order by createdAt desc",
            courseId,
            recipientGln,
            messageType)
        .firstResultOptional();
  }

  @Override
  public String toString() {
    return "OutgoingMessage["
        + messageType
        + " "
        + messageHeaderId
        + " to "
        + recipientGln
        + " "
        + state
        + "]";
  }
}
