package dk.stafet.referral.quarantine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A rejected input, kept raw with why it was rejected, who sent it and over which channel. */
@Entity
@Table(name = "quarantined_input")
public class QuarantinedInput extends PanacheEntityBase {

  public enum Status {
    QUARANTINED,
    REPLAYED_ACCEPTED,
    REPLAYED_REJECTED
  }

  @Id public UUID id;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(nullable = false)
  public String channel;

  @Column(name = "content_type")
  public String contentType;

  @Column(name = "sender_gln")
  public String senderGln;

  @Column(name = "message_header_id")
  public String messageHeaderId;

  @Column(name = "reason_code", nullable = false)
  public String reasonCode;

  @Column(nullable = false)
  public String reason;

  @Column(name = "size_bytes", nullable = false)
  public int sizeBytes;

  @Column(nullable = false)
  public boolean truncated;

  /**
   * The input as received, or only its first bytes when {@link #truncated} (sizeBytes and rawSha256
   * are the whole's).
   */
  @Column(name = "raw_input", nullable = false)
  public byte[] rawInput;

  @Column(name = "raw_sha256")
  public String rawSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "replayed_at")
  public Instant replayedAt;

  @Column(name = "replay_outcome")
  public String replayOutcome;
}
