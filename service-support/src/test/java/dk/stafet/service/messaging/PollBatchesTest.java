package dk.stafet.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.outbox.TraceParent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The batch's control flow against a store that keeps a transaction's writes only when it commits:
 * one transaction per poll, a failing batch rolled back and handled record by record, outages
 * waited out, a stopping service leaving the poll unacknowledged.
 */
class PollBatchesTest {

  /** A record's metadata, to check it reaches the record-by-record path. */
  record Offset(long value) {}

  private final List<String> stored = new ArrayList<>();
  private List<String> pending;
  private int transactions;
  private final List<Duration> pauses = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger between = new AtomicInteger();
  private final AtomicInteger acknowledgedAll = new AtomicInteger();
  private final List<String> recordAcks = new ArrayList<>();
  private final List<String> parked = new ArrayList<>();
  private final List<String> handledAlone = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final PollBatches batches =
      new PollBatches(
          new UntilStored(Duration.ofSeconds(5), pauses::add, stopping::get),
          this::inTransaction,
          between::incrementAndGet,
          stopping::get,
          meters);

  private void inTransaction(Runnable work) {
    transactions++;
    pending = new ArrayList<>();
    try {
      work.run();
      stored.addAll(pending); // commit
    } finally {
      pending = null; // a failure rolls the writes back
    }
  }

  private Message<String> record(String payload, long offset) {
    return Message.of(
        payload,
        Metadata.of(new Offset(offset)),
        () -> {
          recordAcks.add(payload);
          return CompletableFuture.completedFuture(null);
        },
        failure -> {
          parked.add(payload);
          return CompletableFuture.completedFuture(null);
        });
  }

  private List<Message<String>> poll(String... payloads) {
    List<Message<String>> poll = new ArrayList<>();
    for (int i = 0; i < payloads.length; i++) {
      poll.add(record(payloads[i], i));
    }
    return poll;
  }

  /** Writes the payload; "poison" cannot be applied. */
  private void apply(Message<String> record) {
    if (record.getPayload().startsWith("poison")) {
      throw new IllegalArgumentException("cannot be applied");
    }
    pending.add(record.getPayload());
  }

  /** The channel's path for one record: its own transaction, then ack, or nack on failure. */
  private CompletionStage<Void> alone(Message<String> record) {
    handledAlone.add(
        record.getPayload() + "@" + record.getMetadata(Offset.class).orElseThrow().value());
    try {
      inTransaction(() -> apply(record));
      return record.ack();
    } catch (IllegalArgumentException e) {
      return record.nack(e);
    }
  }

  private CompletionStage<Void> handle(List<Message<String>> poll) {
    return handle(poll, this::apply, this::alone);
  }

  private CompletionStage<Void> handle(
      List<Message<String>> poll,
      Consumer<Message<String>> inTransaction,
      Function<Message<String>, CompletionStage<Void>> alone) {
    return batches.handle(
        "course-events",
        poll,
        () -> {
          acknowledgedAll.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        },
        inTransaction,
        alone);
  }

  @Test
  void aPollIsAppliedInOneTransactionAndAcknowledgedOnce() {
    CompletionStage<Void> answer = handle(poll("a", "b", "c"));

    assertThat(answer.toCompletableFuture()).isCompleted();
    assertThat(stored).containsExactly("a", "b", "c");
    assertThat(transactions).isEqualTo(1);
    assertThat(between).hasValue(3);
    assertThat(acknowledgedAll).hasValue(1);
    assertThat(handledAlone).isEmpty();
    assertThat(meters.get("stafet.kafka.poll.records").summary().max()).isEqualTo(3);
  }

  @Test
  void aRecordThatCannotBeAppliedIsParkedAloneAndTheOthersAreAppliedOnce() {
    CompletionStage<Void> answer = handle(poll("a", "poison", "c"));

    assertThat(answer.toCompletableFuture()).isCompleted();
    // The batch was rolled back whole; then each record in its own transaction, in order.
    assertThat(stored).containsExactly("a", "c");
    assertThat(transactions).isEqualTo(4);
    assertThat(handledAlone).containsExactly("a@0", "poison@1", "c@2");
    assertThat(parked).containsExactly("poison");
    // The records' own acknowledgements are the poll's: acknowledged once, as a whole.
    assertThat(recordAcks).isEmpty();
    assertThat(acknowledgedAll).hasValue(1);
    assertThat(meters.get("stafet.kafka.poll.batches.split").counter().count()).isEqualTo(1);
  }

  @Test
  void eachRecordIsHandledWithItsOwnTraceCurrentInABatchAndWhenSplit() {
    List<String> traces = new ArrayList<>();
    List<Message<String>> poll = new ArrayList<>();
    for (String payload : List.of("a", "poison", "c")) {
      Message<String> record = record(payload, poll.size());
      poll.add(record.addMetadata(TracingMetadata.with(spanContext(poll.size() + 1), null)));
    }

    handle(
        poll,
        record -> {
          traces.add(record.getPayload() + " " + TraceParent.current());
          apply(record);
        },
        record -> {
          traces.add(record.getPayload() + " alone " + TraceParent.current());
          return alone(record);
        });

    assertThat(traces)
        .containsExactly(
            "a " + traceParent(1),
            "poison " + traceParent(2), // the batch fails here and is rolled back
            "a alone " + traceParent(1),
            "poison alone " + traceParent(2),
            "c alone " + traceParent(3));
    assertThat(TraceParent.current()).isNull();
  }

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static Context spanContext(int span) {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.create(
                    TRACE_ID,
                    String.format("%016x", span),
                    TraceFlags.getSampled(),
                    TraceState.getDefault())));
  }

  private static String traceParent(int span) {
    return "00-" + TRACE_ID + "-" + String.format("%016x", span) + "-01";
  }

  @Test
  void aSingleRecordTakesItsOwnPath() {
    CompletionStage<Void> answer = handle(poll("a"));

    assertThat(answer.toCompletableFuture()).isCompleted();
    assertThat(stored).containsExactly("a");
    assertThat(handledAlone).containsExactly("a@0");
    assertThat(recordAcks).containsExactly("a");
    assertThat(acknowledgedAll).hasValue(0);
  }

  @Test
  void aDatabaseOutageIsWaitedOutForTheWholeBatch() {
    AtomicInteger failures = new AtomicInteger();
    CompletionStage<Void> answer =
        handle(
            poll("a", "b"),
            record -> {
              if (record.getPayload().equals("b") && failures.incrementAndGet() <= 2) {
                throw new IllegalStateException(
                    "could not execute statement",
                    new SQLException("refused", "08001", new ConnectException("refused")));
              }
              apply(record);
            },
            this::alone);

    assertThat(answer.toCompletableFuture()).isCompleted();
    assertThat(stored).containsExactly("a", "b");
    assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L);
    assertThat(handledAlone).isEmpty();
    assertThat(acknowledgedAll).hasValue(1);
  }

  @Test
  void aRecordLeftForTheNextStartEndsTheBatchUnacknowledged() {
    CompletionStage<Void> answer =
        handle(
            poll("a", "poison", "b", "c"),
            this::apply,
            record -> {
              if (record.getPayload().equals("b")) {
                stopping.set(true);
                return ServiceStopping.leaveForNextStart();
              }
              return alone(record);
            });

    assertThat(ServiceStopping.leftForNextStart(answer)).isTrue();
    assertThat(answer.toCompletableFuture()).isNotDone();
    assertThat(stored).containsExactly("a");
    assertThat(acknowledgedAll).hasValue(0);
    assertThat(handledAlone).containsExactly("a@0", "poison@1");
  }

  @Test
  void aServiceThatStopsBeforeTheBatchLeavesItUnacknowledged() {
    stopping.set(true);

    CompletionStage<Void> answer = handle(poll("a", "b"));

    assertThat(ServiceStopping.leftForNextStart(answer)).isTrue();
    assertThat(stored).isEmpty();
    assertThat(transactions).isZero();
    assertThat(acknowledgedAll).hasValue(0);
  }

  @Test
  void aRecordThatCouldNotBeParkedKeepsThePollUnacknowledged() {
    CompletableFuture<Void> deadLetterFailed = new CompletableFuture<>();
    deadLetterFailed.completeExceptionally(new IllegalStateException("dead-letter topic away"));

    CompletionStage<Void> answer =
        handle(
            poll("a", "poison"),
            this::apply,
            record -> record.getPayload().equals("poison") ? deadLetterFailed : alone(record));

    assertThat(answer.toCompletableFuture()).isCompletedExceptionally();
    assertThat(acknowledgedAll).hasValue(0);
  }
}
