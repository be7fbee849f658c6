package dk.stafet.responsibility.messaging;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.responsibility.ledger.CourseFactIngestion;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes stafet.course-events (key = patient pseudonym, so one patient's facts arrive in order; the ledger is
 * order-independent anyway, it replays in event time). Idempotent on the event id ({@code ce_id}).
 *
 * <p>Failure strategy: dead-letter-queue (application.properties). A record that cannot be read or applied goes to
 * {@code stafet.course-events.responsibility-dlq} and the channel continues. Because a rebuild replays in event time,
 * re-publishing a dead-lettered record later gives the same ledger as if it had arrived in order.
 */
@ApplicationScoped
public class CourseEventConsumer {

  public static final String CHANNEL = "course-events";

  private final CourseFactIngestion ingestion;

  public CourseEventConsumer(CourseFactIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @Incoming(CHANNEL)
  @Blocking
  @Transactional
  public void onCourseEvent(ConsumerRecord<String, String> record) {
    ingestion.apply(parse(record));
  }

  /** The event, with the id and key the envelope gives where the payload lacks them; mismatches are refused. */
  static CourseEvent parse(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      throw new IllegalArgumentException("course event record without a value");
    }
    CourseEvent event = EventJson.read(record.value(), CourseEvent.class);
    String ceId = header(record, "ce_id");
    UUID eventId = event.eventId() != null ? event.eventId() : ceId == null ? null : UUID.fromString(ceId);
    if (eventId == null || event.type() == null || event.occurredAt() == null) {
      throw new IllegalArgumentException("course event without eventId, type or occurredAt");
    }
    if (ceId != null && !ceId.equals(eventId.toString())) {
      throw new IllegalArgumentException("ce_id does not match eventId " + eventId);
    }
    String patientKey = event.patientKey() != null ? event.patientKey() : record.key();
    if (patientKey == null || (record.key() != null && !Objects.equals(record.key(), patientKey))) {
      throw new IllegalArgumentException("course event " + eventId + " has no patient key, or not the record key");
    }
    return new CourseEvent(eventId, event.type(), event.occurredAt(), event.recordedAt(), patientKey, event.cpr(),
        event.courseId(), event.organisationSor(), event.counterpartSor(), event.sourceMessageId(), event.details());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
