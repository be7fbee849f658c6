package dk.stafet.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An acknowledgement received, keyed by its own MessageHeader.id so a duplicate is recognised;
 * unmatched if no message.
 */
@Entity
@Table(name = "received_ack")
public class ReceivedAck extends PanacheEntityBase {

  @Id
  @Column(name = "ack_header_id")
  public String ackHeaderId;

  @Column(name = "acknowledged_header_id")
  public String acknowledgedHeaderId;

  @Column(name = "ack_code")
  public String ackCode;

  @Column(name = "outgoing_message_id")
  public UUID outgoingMessageId;

  @Column(name = "sender_gln")
  public String senderGln;

  @Column(name = "received_at")
  public Instant receivedAt;
}
