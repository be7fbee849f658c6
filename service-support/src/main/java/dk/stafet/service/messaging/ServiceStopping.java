package dk.stafet.service.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Whether this service has begun to stop (SIGTERM, {@code ./stafet restart}, a rolling update), and
 * what a Kafka consumer does with a record it has not finished by then.
 *
 * <p>Why: while Quarkus stops, the Kafka consumers keep handing out records for a while after the
 * persistence unit has closed. Each of those failed ({@code EntityManagerFactory is closed}) and
 * was nacked to the dead-letter topic, so every graceful restart under traffic parked records that
 * nothing was wrong with (seen on {@code ./stafet up}'s demo: 23 parked by one restart of
 * notification-service). A record not done at shutdown is now neither acknowledged nor nacked: its
 * offset is never committed, and the next start reads it again, which the consumers' idempotency on
 * the event id makes harmless.
 */
@ApplicationScoped
public class ServiceStopping {

  private static volatile boolean begun;

  /** True from the shutdown event on, until the next start (tests restart Quarkus in one JVM). */
  public static boolean begun() {
    return begun;
  }

  /**
   * The answer to the messaging framework for the record in hand, left undone because the service
   * stops: a stage that never completes. The record is not acknowledged, so no offset at or beyond
   * it is committed, and it is not nacked, so it never reaches the dead-letter topic; an ordered
   * channel takes no further record from its partition meanwhile.
   */
  public static CompletionStage<Void> leaveForNextStart() {
    return new LeftForNextStart();
  }

  /**
   * True for the answer {@link #leaveForNextStart} gives: a batch handled record by record stops at
   * such a record, because acknowledging the batch would commit the offsets of every record in it.
   */
  public static boolean leftForNextStart(CompletionStage<?> answer) {
    return answer instanceof LeftForNextStart;
  }

  private static final class LeftForNextStart extends CompletableFuture<Void> {}

  void onStart(@Observes StartupEvent event) {
    begun = false;
  }

  // Before every other observer: the persistence unit and the connectors close after this.
  void onStop(@Observes @Priority(1) ShutdownEvent event) {
    begun = true;
  }
}
