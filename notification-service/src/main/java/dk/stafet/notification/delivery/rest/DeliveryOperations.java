package dk.stafet.notification.delivery.rest;

import dk.stafet.notification.delivery.DeliveryService;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.OutgoingMessage;
import dk.stafet.notification.delivery.ReceivedAck;
import dk.stafet.service.audit.AuditLog;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Read models and the manual resend behind {@link DeliveryResource}. Reads for a {@link
 * DeliveryReader} see only what that reader may see and are audited, one row per patient whose
 * messages were returned, in the reading transaction.
 */
@ApplicationScoped
@Transactional
public class DeliveryOperations {

  public static final int MAX_LIMIT = 500;

  private final DeliveryService deliveries;
  private final AuditLog audit;

  public DeliveryOperations(DeliveryService deliveries, AuditLog audit) {
    this.deliveries = deliveries;
    this.audit = audit;
  }

  /**
   * Messages per state and recipient: all of them for coordinators, one's own as recipient for
   * anyone else.
   */
  public List<StateCount> counts(DeliveryReader reader) {
    var query =
        OutgoingMessage.getEntityManager()
            .createQuery(
                "select m.state, m.recipientGln, count(m) from OutgoingMessage m "
                    + (reader.isCoordinator() ? "" : "where m.recipientSor = :me ")
                    + "group by m.state, m.recipientGln order by m.recipientGln, m.state",
                Object[].class);
    if (!reader.isCoordinator()) {
      query.setParameter("me", reader.sor());
    }
    return query
        .getResultStream()
        .map(row -> new StateCount((DeliveryState) row[0], (String) row[1], (Long) row[2]))
        .toList();
  }

  /**
   * Messages the reader may see, newest first, filtered. The patient portal must name the patient.
   *
   * @throws DeliveryForbiddenException for the patient portal without a patient key
   */
  public List<DeliveryView> list(
      DeliveryReader reader,
      DeliveryState state,
      String recipientGln,
      String messageType,
      String patientKey,
      int limit) {
    if (reader.kind() == DeliveryReader.Kind.PATIENT_PORTAL
        && (patientKey == null || patientKey.isBlank())) {
      throw new DeliveryForbiddenException(
          "the patient portal reads the messages of one patient: give patientKey");
    }
    if (reader.kind() == DeliveryReader.Kind.PATIENT_PORTAL
        && !patientKey.equals(reader.citizen())) {
      throw new DeliveryForbiddenException(
          "the patient portal reads the messages of the citizen its token names only");
    }
    List<DeliveryView> views = list(state, recipientGln, messageType, patientKey, reader, limit);
    auditReads(reader, views);
    return views;
  }

  /** One message, if the reader may see it (404 otherwise, so existence is not revealed). */
  public Optional<DeliveryView> get(DeliveryReader reader, String messageHeaderId) {
    Optional<DeliveryView> view = get(messageHeaderId).filter(v -> sees(reader, v));
    view.ifPresent(v -> auditReads(reader, List.of(v)));
    return view;
  }

  /** Unscoped and unaudited: for the service itself (and tests), never for a caller. */
  public List<DeliveryView> list(
      DeliveryState state, String recipientGln, String messageType, String patientKey, int limit) {
    return list(state, recipientGln, messageType, patientKey, null, limit);
  }

  private List<DeliveryView> list(
      DeliveryState state,
      String recipientGln,
      String messageType,
      String patientKey,
      DeliveryReader reader,
      int limit) {
    List<String> where = new ArrayList<>();
    Parameters parameters = new Parameters();
    if (reader != null && reader.kind() == DeliveryReader.Kind.ORGANISATION) {
      where.add(
          reader.gln() == null
              ? "recipientSor = :me"
              : "(recipientSor = :me or senderGln = :myGln)");
      parameters.and("me", reader.sor());
      if (reader.gln() != null) {
        parameters.and("myGln", reader.gln());
      }
    }
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
        .page(0, Math.max(1, Math.min(limit, MAX_LIMIT)))
        .list()
        .stream()
        .map(DeliveryView::of)
        .toList();
  }

  /** Unscoped and unaudited: for the service itself (and tests), never for a caller. */
  public Optional<DeliveryView> get(String messageHeaderId) {
    return OutgoingMessage.byHeaderId(messageHeaderId).map(DeliveryView::of);
  }

  private static boolean sees(DeliveryReader reader, DeliveryView view) {
    return switch (reader.kind()) {
      case COORDINATOR -> true;
      case PATIENT_PORTAL -> false; // the portal reads one patient's list, not letters by id
      case ORGANISATION ->
          reader.sor().equals(view.recipientSor())
              || reader.gln() != null && reader.gln().equals(view.senderGln());
    };
  }

  private void auditReads(DeliveryReader reader, List<DeliveryView> views) {
    views.stream()
        .map(DeliveryView::patientKey)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(key -> audit.read(reader.sor(), reader.auditedAction(), key, "DELIVERY", null));
  }

  public List<UnmatchedAck> unmatchedAcks(int limit) {
    return ReceivedAck.<ReceivedAck>find("outgoingMessageId is null", Sort.descending("receivedAt"))
        .page(0, Math.max(1, Math.min(limit, MAX_LIMIT)))
        .list()
        .stream()
        .map(
            a ->
                new UnmatchedAck(
                    a.ackHeaderId, a.acknowledgedHeaderId, a.ackCode, a.senderGln, a.receivedAt))
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
