package dk.stafet.service.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The records of one Kafka poll handled in one transaction (a channel with {@code batch=true}).
 *
 * <p>Why: a consumer that commits once per record spends a backlog — a restart's catch-up, a resend
 * storm, a replay of a topic — waiting for one commit after another; with the records of a poll in
 * one transaction the backlog pays one commit per poll. When traffic is light a poll holds one
 * record and nothing changes.
 *
 * <p>What is kept: each record's effect and its processed-message id are written in the same
 * transaction, so a record is applied once however often it is delivered; records are applied in
 * the order of the poll (per partition, by offset), so a patient's order holds; the poll's offsets
 * are committed only after the transaction has committed. A database outage is waited out for the
 * whole batch ({@link UntilStored}). When the batch fails for any other reason it is rolled back
 * whole and its records are handled again one by one, each by the channel's own path for a single
 * record (its own transaction, retries and failure strategy): the record that cannot be applied is
 * parked alone, the others are applied. A record left undone because the service stops ends the
 * batch unacknowledged, so no offset beyond it is committed.
 *
 * <p>Each record is handled with its own trace context current, as an unbatched channel does, so a
 * message's trace goes on through the events its handling writes.
 *
 * <p>Between records the persistence context is flushed and cleared, so a batch's cost grows with
 * its records, not with their square (Hibernate checks every managed entity before each query).
 */
@ApplicationScoped
public class PollBatches {

  private static final Logger LOG = Logger.getLogger(PollBatches.class);

  private final UntilStored untilStored;
  private final Consumer<Runnable> newTransaction;
  private final Runnable betweenRecords;
  private final BooleanSupplier stopping;
  private final MeterRegistry meters;

  @Inject
  public PollBatches(EntityManager entities, MeterRegistry meters) {
    this(
        new UntilStored(),
        work -> QuarkusTransaction.requiringNew().run(work),
        () -> {
          entities.flush();
          entities.clear();
        },
        ServiceStopping::begun,
        meters);
  }

  /** With seams for tests: how a transaction is run, what happens between records, stopping. */
  PollBatches(
      UntilStored untilStored,
      Consumer<Runnable> newTransaction,
      Runnable betweenRecords,
      BooleanSupplier stopping,
      MeterRegistry meters) {
    this.untilStored = untilStored;
    this.newTransaction = newTransaction;
    this.betweenRecords = betweenRecords;
    this.stopping = stopping;
    this.meters = meters;
  }

  /**
   * Handles a poll's records.
   *
   * @param records the poll's records in their order
   * @param acknowledgeAll acknowledges the whole poll (commits its offsets)
   * @param inTransaction one record's effect, in the transaction it is given; throws for a record
   *     that cannot be applied
   * @param alone the channel's whole path for a single record: its own transaction, retries,
   *     acknowledgement or failure strategy
   */
  public <M extends Message<String>> CompletionStage<Void> handle(
      String channel,
      List<M> records,
      Supplier<CompletionStage<Void>> acknowledgeAll,
      Consumer<M> inTransaction,
      Function<Message<String>, CompletionStage<Void>> alone) {
    DistributionSummary.builder("stafet.kafka.poll.records")
        .description("Records per poll handled by a batched consumer")
        .tag("channel", channel)
        .register(meters)
        .record(records.size());
    if (records.size() == 1) {
      return inTraceOf(records.get(0), () -> alone.apply(records.get(0)));
    }
    try {
      untilStored.run(
          channel + " batch of " + records.size() + " records",
          () ->
              newTransaction.accept(
                  () -> {
                    for (M record : records) {
                      inTraceOf(
                          record,
                          () -> {
                            inTransaction.accept(record);
                            return null;
                          });
                      betweenRecords.run();
                    }
                  }));
      return acknowledgeAll.get();
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return ServiceStopping.leaveForNextStart();
    } catch (RuntimeException e) {
      // The class only: messages of database failures can quote the data being written.
      LOG.warnf(
          "A batch of %d records on %s failed (%s); handling them one by one",
          records.size(), channel, e.getClass().getSimpleName());
      Counter.builder("stafet.kafka.poll.batches.split")
          .description("Batches rolled back and handled record by record")
          .tag("channel", channel)
          .register(meters)
          .increment();
      return oneByOne(records, acknowledgeAll, alone);
    }
  }

  private <M extends Message<String>> CompletionStage<Void> oneByOne(
      List<M> records,
      Supplier<CompletionStage<Void>> acknowledgeAll,
      Function<Message<String>, CompletionStage<Void>> alone) {
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    for (M record : records) {
      if (stopping.getAsBoolean()) {
        return ServiceStopping.leaveForNextStart();
      }
      // A record's own acknowledgement is the poll's (below): acknowledging a record Kafka did not
      // hand out alone would leave its offset in the commit bookkeeping for ever. Its failure
      // strategy (the dead-letter topic) stays its own.
      CompletionStage<Void> answer =
          inTraceOf(
              record,
              () -> alone.apply(record.withAck(() -> CompletableFuture.completedFuture(null))));
      if (ServiceStopping.leftForNextStart(answer)) {
        return answer;
      }
      answers.add(answer.toCompletableFuture());
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenCompose(done -> acknowledgeAll.get());
  }

  /**
   * Runs the work with the record's trace context current. In a batch SmallRye starts each record's
   * span but makes none current, and what the record's handling writes to the outbox takes its
   * {@code traceparent} from the current context ({@code TraceParent}): without this, one message's
   * trace would end at a batched consumer.
   */
  private static <T> T inTraceOf(Message<?> record, Supplier<T> work) {
    Context context =
        TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(null);
    if (context == null) {
      return work.get();
    }
    try (Scope current = context.makeCurrent()) {
      return work.get();
    }
  }
}
