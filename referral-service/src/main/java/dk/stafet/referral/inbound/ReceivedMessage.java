package dk.stafet.referral.inbound;

import dk.stafet.referral.security.AccessRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A MedCom message the front door has taken in, with the first acknowledgement it gave (MedCom §5
 * receiver rules).
 */
@Entity
@Table(name = "received_message")
public class ReceivedMessage extends PanacheEntityBase implements AccessRule.Involving {

  public enum Outcome {
    ACCEPTED,
    REJECTED,
    TRANSIENT_ERROR,
    ACKNOWLEDGEMENT
  }

  @Id public UUID id;

  @Column(name = "message_header_id", nullable = false, unique = true)
  public String messageHeaderId;

  @Column(name = "first_bundle_id", nullable = false)
  public String firstBundleId;

  @Column(name = "message_type", nullable = false)
  public String messageType;

  @Column(nullable = false)
  public String channel;

  @Column(name = "sender_gln")
  public String senderGln;

  @Column(name = "sender_sor")
  public String senderSor;

  @Column(name = "receiver_gln")
  public String receiverGln;

  @Column(name = "receiver_sor")
  public String receiverSor;

  @Column(name = "patient_key")
  public String patientKey;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(name = "raw_bundle", nullable = false)
  public String rawBundle;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Outcome outcome;

  @Column(name = "ack_code")
  public String ackCode;

  @Column(name = "ack_message_header_id")
  public String ackMessageHeaderId;

  @Column(name = "ack_bundle")
  public String ackBundle;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "last_received_at", nullable = false)
  public Instant lastReceivedAt;

  @Column(name = "times_received", nullable = false)
  public int timesReceived;

  /**
   * CareCommunication only: Communication.identifier, the thread (kept on reply, new on forward).
   */
  @Column(name = "thread_id")
  public String threadId;

  /** CareCommunication only: new-message, reply-message or forward-message. */
  @Column(name = "thread_activity")
  public String threadActivity;

  /**
   * The earlier message a reply or forward names: its MessageHeader id, or an EDIFACT/OIOXML
   * letter's {@code <GLN>#<letter id>}.
   */
  @Column(name = "in_response_to")
  public String inResponseTo;

  /** Why the thread needs a look ({@link ThreadCheck.Note}), or null. */
  @Column(name = "thread_note")
  public String threadNote;

  @Version public long version;

  public static Optional<ReceivedMessage> findByHeaderId(String messageHeaderId) {
    return find("messageHeaderId", messageHeaderId).firstResultOptional();
  }

  public static List<ReceivedMessage> forPatient(String patientKey) {
    return list("patientKey = ?1 order by receivedAt", patientKey);
  }

  /** The organisations party to the message: its sender and its receiver (by SOR code). */
  @Override
  public boolean involves(String sor) {
    return sor.equals(senderSor) || sor.equals(receiverSor);
  }
}
