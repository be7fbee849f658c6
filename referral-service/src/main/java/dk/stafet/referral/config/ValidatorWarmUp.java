package dk.stafet.referral.config;

import dk.stafet.contracts.medcom.MedcomValidator;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The MedCom validator's warm-up at start-up, and the gate the Kafka consumer waits at until it is
 * done.
 *
 * <p>SmallRye Reactive Messaging starts the {@code medcom-inbound} consumer in its own start-up
 * observer, which runs before this one (priority 1000 against the default 2500). Without the gate,
 * records already waiting on a {@code medcom.inbound.<GLN>} topic are validated on a worker thread
 * while the main thread warms up: both threads then load HAPI's core definitions and convert the
 * profiles at the same time (nothing in that first-call path is done once for all threads), which
 * doubled the work, the heap and the time, and in a 384 MB service ran out of memory
 * (docs/front-door.md, "Start-up"). The HTTP door does not need the gate: Quarkus opens the HTTP
 * port only after the start-up observers have run.
 */
@ApplicationScoped
public class ValidatorWarmUp {

  private static final Logger LOG = Logger.getLogger(ValidatorWarmUp.class);

  private final CompletableFuture<Void> done = new CompletableFuture<>();

  void onStart(@Observes StartupEvent event, MedcomValidator validator) {
    run(validator::warmUp);
  }

  /**
   * Runs the warm-up on the calling thread and opens the gate; a failing warm-up fails the start-up
   * (rethrown).
   */
  void run(Runnable warmUp) {
    long started = System.nanoTime();
    try {
      warmUp.run();
    } catch (RuntimeException | Error e) {
      done.completeExceptionally(e);
      throw e;
    }
    done.complete(null);
    LOG.infof("MedCom validator warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** True once the warm-up has finished without error; readiness is DOWN until then. */
  public boolean isWarm() {
    return done.isDone() && !done.isCompletedExceptionally();
  }

  /**
   * Blocks until the warm-up has ended. If it failed, the service is stopping anyway (the failure
   * fails the start-up); the caller then goes on as it would without the gate rather than fail a
   * record it has not looked at.
   */
  public void awaitWarm() {
    if (done.isDone()) {
      return;
    }
    LOG.info(
        "Waiting for the MedCom validator warm-up before processing a record from a medcom.inbound topic");
    try {
      done.get();
    } catch (ExecutionException failed) {
      LOG.warn("MedCom validator warm-up failed; processing without it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while waiting for the MedCom validator warm-up", e);
    }
  }
}
