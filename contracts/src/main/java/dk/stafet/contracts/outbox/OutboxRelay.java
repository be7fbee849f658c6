package dk.stafet.contracts.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sending side of the transactional outbox. It reads committed, unsent events in order and
 * sends them to Kafka as CloudEvents in binary mode ({@code ce_*} headers, the JSON record as
 * value), then marks them sent. A crash after the send and before the mark sends the event again:
 * consumers deduplicate on the CloudEvents id ({@link ProcessedMessages}), so each effect happens
 * once.
 *
 * <p>It runs right after each commit that added events (low latency) and on a schedule (the
 * backstop that also picks up what a crashed instance left). Replicas of a service share one
 * database and take turns: each batch holds a transaction-scoped advisory lock ({@link
 * #RELAY_LOCK}), so events leave in the order they were stored, one patient's included. Sharing a
 * batch out with {@code SKIP LOCKED} would let a second replica send a patient's later event while
 * the first still holds the earlier one (docs/performance.md, "Scale-out"); one relay sends
 * thousands of events a second, far more than a service writes.
 *
 * <p>Each record carries the {@code traceparent} stored with its row ({@link TraceParent}), so the
 * consumer continues the trace of the request or record that wrote it.
 */
@ApplicationScoped
public class OutboxRelay {

  static final String CE_SOURCE_PREFIX = "/stafet/";

  /**
   * The advisory lock (PostgreSQL, per database) a relay holds while it sends a batch; any fixed
   * number works, as each service has a database of its own.
   */
  public static final long RELAY_LOCK = 0x5374_6166_6574_4f52L; // "StafetOR"

  private static final int BATCH = 200;

  private final DataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;
  private final MeterRegistry meters;
  private final Map<String, Object> kafkaConfig;
  private final String serviceName;
  private final boolean enabled;
  private final ReentrantLock draining = new ReentrantLock();
  private final ExecutorService afterCommit =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private volatile KafkaProducer<String, String> producer;

  public OutboxRelay(
      DataSource dataSource,
      TransactionSynchronizationRegistry transactions,
      MeterRegistry meters,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "quarkus.application.name") String serviceName,
      @ConfigProperty(name = "stafet.outbox.relay.enabled", defaultValue = "true")
          boolean enabled) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.meters = meters;
    this.kafkaConfig = kafkaConfig;
    this.serviceName = serviceName;
    this.enabled = enabled;
  }

  /** Called by {@link Outbox#add}: drain once the surrounding transaction has committed. */
  void wakeUpAfterCommit() {
    if (!enabled) {
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && wakeUpPending.compareAndSet(false, true)) {
              afterCommit.execute(
                  () -> {
                    wakeUpPending.set(false);
                    drainQuietly();
                  });
            }
          }
        });
  }

  @Scheduled(
      every = "${stafet.outbox.relay.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void onSchedule() {
    if (enabled) {
      drainQuietly();
    }
  }

  private void drainQuietly() {
    try {
      drainAll();
    } catch (RuntimeException e) {
      Log.warnf("Outbox relay could not send now, will retry: %s", e.getClass().getSimpleName());
    }
  }

  /**
   * Sends every committed, unsent event; returns how many were sent. Public so tests can play a
   * restarted relay.
   */
  public int drainAll() {
    int total = 0;
    int sent;
    do {
      sent = drainBatch();
      total += sent;
    } while (sent == BATCH);
    return total;
  }

  private int drainBatch() {
    draining.lock();
    try {
      return QuarkusTransaction.requiringNew().call(this::sendBatchInTransaction);
    } finally {
      draining.unlock();
    }
  }

  private int sendBatchInTransaction() throws SQLException {
    List<PendingEvent> batch = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      waitForOtherReplicas(connection);
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT seq, event_id, topic, partition_key, event_type, subject, payload, created_at, content_type, traceparent FROM outbox_event "
                      + "WHERE published_at IS NULL ORDER BY seq LIMIT "
                      + BATCH);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          batch.add(
              new PendingEvent(
                  rows.getLong(1),
                  rows.getObject(2, UUID.class),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getTimestamp(8).toInstant(),
                  rows.getString(9),
                  rows.getString(10)));
        }
      }
      if (batch.isEmpty()) {
        return 0;
      }
      List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
      for (PendingEvent event : batch) {
        sends.add(producer().send(toRecord(event)));
      }
      producer().flush();
      int sent = 0;
      try (PreparedStatement markSent =
              connection.prepareStatement(
                  "UPDATE outbox_event SET published_at = ?, attempts = attempts + 1 WHERE seq = ?");
          PreparedStatement markFailed =
              connection.prepareStatement(
                  "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?")) {
        for (int i = 0; i < batch.size(); i++) {
          PendingEvent event = batch.get(i);
          try {
            sends.get(i).get(30, TimeUnit.SECONDS);
            markSent.setTimestamp(1, Timestamp.from(Instant.now()));
            markSent.setLong(2, event.seq());
            markSent.addBatch();
            sent++;
          } catch (Exception e) {
            markFailed.setString(1, e.getClass().getSimpleName());
            markFailed.setLong(2, event.seq());
            markFailed.addBatch();
          }
        }
        markSent.executeBatch();
        markFailed.executeBatch();
      }
      meters.counter("stafet.outbox.sent", "service", serviceName).increment(sent);
      meters.counter("stafet.outbox.failed", "service", serviceName).increment(batch.size() - sent);
      return sent;
    }
  }

  /** Until the end of this transaction, no other replica's relay sends from this database. */
  private static void waitForOtherReplicas(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, RELAY_LOCK);
      lock.execute();
    }
  }

  private ProducerRecord<String, String> toRecord(PendingEvent event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(event.topic(), event.partitionKey(), event.payload());
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", event.eventId().toString());
    header(record, "ce_type", event.type());
    header(record, "ce_source", CE_SOURCE_PREFIX + serviceName);
    header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
    if (event.subject() != null) {
      header(record, "ce_subject", event.subject());
    }
    header(record, "content-type", event.contentType());
    if (event.traceparent() != null) {
      // The trace of the request or record that wrote the row: the consumer continues it.
      header(record, TraceParent.HEADER, event.traceparent());
    }
    return record;
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  private KafkaProducer<String, String> producer() {
    KafkaProducer<String, String> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          // The connection and security settings are SmallRye's (kafka.*); delivery guarantees are
          // ReliableProducer's.
          Properties config = ReliableProducer.config(kafkaConfig, serviceName + "-outbox");
          config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
          producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
          // Its client metrics (kafka_producer_*: record send/error rates, request latency) next to
          // those of the channels' clients, which Quarkus binds itself.
          new KafkaClientMetrics(producer).bindTo(meters);
        }
        current = producer;
      }
    }
    return current;
  }

  void onStop(@Observes ShutdownEvent event) {
    afterCommit.shutdownNow();
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }

  private record PendingEvent(
      long seq,
      UUID eventId,
      String topic,
      String partitionKey,
      String type,
      String subject,
      String payload,
      Instant createdAt,
      String contentType,
      String traceparent) {}
}
