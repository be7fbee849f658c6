package dk.stafet.referral.inbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An envelope id (Bundle.id) seen by the front door; a reuse with a new letter id is refused
 * (MedCom §5).
 */
@Entity
@Table(name = "received_bundle")
public class ReceivedBundle extends PanacheEntityBase {

  @Id
  @Column(name = "bundle_id")
  public String bundleId;

  @Column(name = "message_header_id", nullable = false)
  public String messageHeaderId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  static void remember(String bundleId, String messageHeaderId, Instant at) {
    if (findById(bundleId) == null) {
      ReceivedBundle seen = new ReceivedBundle();
      seen.bundleId = bundleId;
      seen.messageHeaderId = messageHeaderId;
      seen.receivedAt = at;
      seen.persist();
    }
  }
}
