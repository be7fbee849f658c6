package dk.stafet.service.parked;

import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The records this service's consumers could not apply: parked from the dead-letter topic, shown to
 * coordinators, replayed to their original topic or dismissed with a reason. Every view is audited
 * per patient shown, like the other coordinator reads ({@link CallerRoles#AS_COORDINATOR}); replays
 * and dismissals are audited as the coordinator's acts.
 */
@ApplicationScoped
public class ParkedRecords {

  private static final Logger LOG = Logger.getLogger(ParkedRecords.class);
  static final String READ = CallerRoles.AS_COORDINATOR + "parked-records";
  static final String REPLAY = "REPLAY_PARKED_RECORD";
  static final String DISMISS = "DISMISS_PARKED_RECORD";
  static final String RESOURCE = "PARKED_RECORD";
  private static final int LIST_LIMIT = 500;

  private final AuditLog audit;
  private final ReplayPublisher publisher;
  private final ParkedRecordMetrics metrics;
  private final String serviceName;

  public ParkedRecords(
      AuditLog audit,
      ReplayPublisher publisher,
      ParkedRecordMetrics metrics,
      @ConfigProperty(name = "quarkus.application.name") String serviceName) {
    this.audit = audit;
    this.publisher = publisher;
    this.metrics = metrics;
    this.serviceName = serviceName;
  }

  /**
   * Keeps a dead letter; a dead letter already kept (the same original topic, partition and offset:
   * a redelivery of the dead-letter topic) is not kept twice. @return true if it was new
   */
  @Transactional
  public boolean park(DeadLetter letter) {
    if (ParkedRecord.count(
            "sourceTopic = ?1 AND sourcePartition = ?2 AND sourceOffset = ?3",
            letter.sourceTopic(),
            letter.sourcePartition(),
            letter.sourceOffset())
        > 0) {
      return false; // the unique constraint backs this up should two instances race
    }
    ParkedRecord row = new ParkedRecord();
    row.sourceTopic = letter.sourceTopic();
    row.sourcePartition = letter.sourcePartition();
    row.sourceOffset = letter.sourceOffset();
    row.deadLetterTopic = letter.deadLetterTopic();
    row.recordKey = letter.key();
    row.recordValue = letter.value();
    row.recordHeaders = DeadLetter.encodeHeaders(letter.originalHeaders());
    row.messageId = letter.messageId();
    row.eventType = letter.eventType();
    row.patientKey = letter.patientKey();
    row.errorClass = letter.errorClass();
    row.errorMessage = letter.errorMessage();
    row.failedAt = letter.failedAt();
    row.parkedAt = Instant.now();
    row.attempts = letter.attempts();
    row.replayOf =
        letter.replayOf() != null && ParkedRecord.findById(letter.replayOf()) != null
            ? letter.replayOf()
            : null;
    row.state = ParkedRecord.State.PARKED;
    row.persist();
    int inserted = 1;
    if (inserted == 1) {
      // The alarm in the log: where and why, never the patient (no key, no payload, no message
      // text).
      LOG.warnf(
          "PARKED: %s could not apply a record from %s (partition %d, offset %d, event type %s, attempt %d): %s."
              + " Coordinators see it at GET /api/parked and on the coordinator page; replay it once the cause is fixed.",
          serviceName,
          letter.sourceTopic(),
          letter.sourcePartition(),
          letter.sourceOffset(),
          letter.eventType(),
          letter.attempts(),
          letter.errorClass() == null ? "unknown error" : simpleName(letter.errorClass()));
    }
    return inserted == 1;
  }

  /**
   * The parked records in a state (all states when null), newest first, at most 500; audited per
   * patient shown.
   */
  @Transactional
  public List<ParkedRecordView> list(String coordinatorSor, ParkedRecord.State state) {
    List<ParkedRecord> rows =
        state == null
            ? ParkedRecord.find("ORDER BY parkedAt DESC, id DESC").page(0, LIST_LIMIT).list()
            : ParkedRecord.find("state = ?1 ORDER BY parkedAt DESC, id DESC", state)
                .page(0, LIST_LIMIT)
                .list();
    rows.forEach(
        row -> audit.read(coordinatorSor, READ, row.patientKey, RESOURCE, row.id.toString()));
    return rows.stream().map(ParkedRecordView::of).toList();
  }

  /** One parked record with its headers (masked), audited. */
  @Transactional
  public Optional<ParkedRecordView.Detail> find(String coordinatorSor, long id) {
    ParkedRecord row = ParkedRecord.findById(id);
    if (row == null) {
      return Optional.empty();
    }
    audit.read(coordinatorSor, READ, row.patientKey, RESOURCE, row.id.toString());
    return Optional.of(ParkedRecordView.Detail.of(row));
  }

  /**
   * Re-publishes the original record (key, value, headers) to its original topic and marks it
   * replayed. If it fails again, the consumer dead-letters it again and it is parked again as a new
   * row ({@code replayOf} this one, one attempt more). The send happens before the commit: a crash
   * in between leaves the row PARKED although the record was sent, and a second replay is harmless
   * because the consumers are idempotent on the message id.
   */
  @Transactional
  public Optional<ParkedRecordView> replay(String coordinatorSor, long id) {
    ParkedRecord row = ParkedRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    requireParked(row);
    List<Header> headers = new ArrayList<>(DeadLetter.decodeHeaders(row.recordHeaders));
    headers.add(
        new RecordHeader(DeadLetter.REPLAY_OF, row.id.toString().getBytes(StandardCharsets.UTF_8)));
    headers.add(
        new RecordHeader(
            DeadLetter.ATTEMPTS, Integer.toString(row.attempts).getBytes(StandardCharsets.UTF_8)));
    publisher.publish(row.sourceTopic, row.recordKey, row.recordValue, headers);
    row.state = ParkedRecord.State.REPLAYED;
    row.resolvedAt = Instant.now();
    row.resolvedBy = coordinatorSor;
    audit.read(coordinatorSor, REPLAY, row.patientKey, RESOURCE, row.id.toString());
    LOG.infof(
        "Replayed parked record %d to %s (event type %s) at the request of %s",
        row.id, row.sourceTopic, row.eventType, coordinatorSor);
    return Optional.of(ParkedRecordView.of(row));
  }

  /** Gives up on a parked record, with the coordinator's reason (kept, and audited). */
  @Transactional
  public Optional<ParkedRecordView> dismiss(String coordinatorSor, long id, String reason) {
    ParkedRecord row = ParkedRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    requireParked(row);
    row.state = ParkedRecord.State.DISMISSED;
    row.resolvedAt = Instant.now();
    row.resolvedBy = coordinatorSor;
    row.dismissReason = DeadLetter.masked(reason);
    audit.read(coordinatorSor, DISMISS, row.patientKey, RESOURCE, row.id.toString());
    LOG.infof(
        "Dismissed parked record %d from %s at the request of %s",
        row.id, row.sourceTopic, coordinatorSor);
    return Optional.of(ParkedRecordView.of(row));
  }

  /** Recounts the metric and health figures (after a change; the schedule does it too). */
  public void recount() {
    metrics.refresh();
  }

  private static void requireParked(ParkedRecord row) {
    if (row.state != ParkedRecord.State.PARKED) {
      throw new NotParkedException(row.id, row.state);
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Replay or dismissal of a record that is no longer parked. */
  public static class NotParkedException extends RuntimeException {
    NotParkedException(long id, ParkedRecord.State state) {
      super("parked record " + id + " is " + state + ", not PARKED", null, false, false);
    }
  }
}
