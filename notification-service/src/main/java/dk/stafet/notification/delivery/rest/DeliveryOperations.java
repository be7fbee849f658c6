package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryService;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.OutgoingMessage;
import dk.stafet.notification.delivery.ReceivedAck;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read models and the manual resend behind {@link DeliveryResource}. */
@ApplicationScoped
@Transactional
public class DeliveryOperations {

  static final int MAX_LIMIT = 500;

  private final DeliveryService deliveries;

  public DeliveryOperations(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  public List<StateCount> counts() {
    return OutgoingMessage.getEntityManager()
        .createQuery("select m.state, m.recipientGln, count(m) from OutgoingMessage m "
            + "group by m.state, m.recipientGln order by m.recipientGln, m.state", Object[].class)
        .getResultStream()
        .map(row -> new StateCount((DeliveryState) row[0], (String) row[1], (Long) row[2]))
        .toList();
  }

  public List<DeliveryView> list(DeliveryState state, String recipientGln, String messageType, String patientKey,
      int limit) {
    List<String> where = new ArrayList<>();
    Parameters parameters = new Parameters();
    if (state != null) {
      where.add("state = :state");
      parameters.and("state", state);
    }
    if (recipientGln != null) {
      where.add("recipientGln = :recipient");
      parameters.and("recipient", recipientGln);
    }
    if (messageType != null) {
      where.add("messageType = :type");
      parameters.and("type", messageType);
    }
    if (patientKey != null) {
      where.add("patientKey = :patient");
      parameters.and("patient", patientKey);
    }
    String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
    return OutgoingMessage.<OutgoingMessage>find(query, Sort.descending("createdAt"), parameters)
        .page(0, Math.max(1, Math.min(limit, MAX_LIMIT))).list().stream().map(DeliveryView::of).toList();
  }

  public Optional<DeliveryView> get(String messageHeaderId) {
    return OutgoingMessage.byHeaderId(messageHeaderId).map(DeliveryView::of);
  }

  public List<UnmatchedAck> unmatchedAcks(int limit) {
    return ReceivedAck.<ReceivedAck>find("outgoingMessageId is null", Sort.descending("receivedAt"))
        .page(0, Math.max(1, Math.min(limit, MAX_LIMIT))).list().stream()
        .map(a -> new UnmatchedAck(a.ackHeaderId, a.acknowledgedHeaderId, a.ackCode, a.senderGln, a.receivedAt))
        .toList();
  }

  /**
   * A new attempt for a dead-lettered message (same MessageHeader.id, new envelope).
   *
   * @throws IllegalStateException if the message is not dead-lettered
   */
  public Optional<DeliveryView> resend(String messageHeaderId) {
    Log.infof("Manual resend of %s requested", messageHeaderId);
    return deliveries.resendDeadLetter(messageHeaderId).map(DeliveryView::of);
  }
}
