package dk.stafet.responsibility.messaging;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.responsibility.ledger.CourseFactIngestion;
import dk.stafet.service.messaging.PollBatches;
import dk.stafet.service.messaging.ServiceStopping;
import dk.stafet.service.messaging.UntilStored;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes stafet.course-events (key = patient pseudonym, so one patient's facts arrive in order;
 * the ledger is order-independent anyway, it replays in event time). Idempotent on the event id
 * ({@code ce_id}).
 *
 * <p>A database outage is waited out ({@link UntilStored}: the record is tried again in a new
 * transaction until it is stored), so the ledger never misses a fact because PostgreSQL was briefly
 * away. A record that cannot be read or applied goes to the dead-letter topic {@code
 * stafet.course-events.responsibility-dlq} (failure strategy in application.properties) and the
 * channel continues; because a rebuild replays in event time, re-publishing it later gives the same
 * ledger as if it had arrived in order. A record not done when the service stops is left
 * unacknowledged ({@link ServiceStopping}) and read again after the restart, never parked.
 *
 * <p>The channel is batched: the records of one poll are applied in one transaction ({@link
 * PollBatches}), and when that fails each record takes the path above on its own.
 */
@ApplicationScoped
public class CourseEventConsumer {

  public static final String CHANNEL = "course-events";

  private final CourseFactIngestion ingestion;
  private final UntilStored untilStored;
  private final PollBatches batches;

  @Inject
  public CourseEventConsumer(CourseFactIngestion ingestion, PollBatches batches) {
    this(ingestion, new UntilStored(), batches);
  }

  CourseEventConsumer(CourseFactIngestion ingestion, UntilStored untilStored, PollBatches batches) {
    this.ingestion = ingestion;
    this.untilStored = untilStored;
    this.batches = batches;
  }

  @Incoming(CHANNEL)
  @Blocking
  public CompletionStage<Void> onPoll(KafkaRecordBatch<String, String> poll) {
    return batches.handle(
        CHANNEL,
        poll.getRecords(),
        poll::ack,
        message -> ingestion.apply(parse(recordOf(message))),
        this::onCourseEvent);
  }

  /** One record in a transaction of its own: acknowledged, parked, or left for the next start. */
  public CompletionStage<Void> onCourseEvent(Message<String> message) {
    ConsumerRecord<String, String> record = recordOf(message);
    try {
      apply(record);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServiceStopping.leaveForNextStart();
    } catch (RuntimeException e) {
      return message.nack(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ConsumerRecord<String, String> recordOf(Message<String> message) {
    return message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
  }

  /**
   * Applies one record in a transaction of its own, waiting out a database outage.
   *
   * @throws InterruptedException the service stops: the record is not applied
   * @throws RuntimeException the record cannot be read or applied (for the dead-letter topic)
   */
  public void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    CourseEvent event = parse(record);
    // Each attempt in a transaction of its own: a failed one is rolled back whole.
    untilStored.run(
        "course event " + event.eventId(),
        () -> QuarkusTransaction.requiringNew().run(() -> ingestion.apply(event)));
  }

  /**
   * The event, with the id and key the envelope gives where the payload lacks them; mismatches are
   * refused.
   */
  static CourseEvent parse(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      throw new IllegalArgumentException("course event record without a value");
    }
    CourseEvent event = EventJson.read(record.value(), CourseEvent.class);
    String ceId = header(record, "ce_id");
    UUID eventId =
        event.eventId() != null ? event.eventId() : ceId == null ? null : UUID.fromString(ceId);
    if (eventId == null || event.type() == null || event.occurredAt() == null) {
      throw new IllegalArgumentException("course event without eventId, type or occurredAt");
    }
    if (ceId != null && !ceId.equals(eventId.toString())) {
      throw new IllegalArgumentException("ce_id does not match eventId " + eventId);
    }
    String patientKey = event.patientKey() != null ? event.patientKey() : record.key();
    if (patientKey == null || (record.key() != null && !Objects.equals(record.key(), patientKey))) {
      throw new IllegalArgumentException(
          "course event " + eventId + " has no patient key, or not the record key");
    }
    return new CourseEvent(
        eventId,
        event.type(),
        event.occurredAt(),
        event.recordedAt(),
        patientKey,
        event.cpr(),
        event.courseId(),
        event.organisationSor(),
        event.counterpartSor(),
        event.sourceMessageId(),
        event.details());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
