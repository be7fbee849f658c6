package dk.stafet.referral.inbound;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the front door on a Kafka record until it succeeds. The front door answers every bad input itself (negative
 * acknowledgement, quarantine) and even its own failures (transient-error); it throws only when it cannot store even
 * that, e.g. while the database is down. Skipping the record then would lose a letter, and moving on to the next one
 * would break the patient's order, so the record is tried again with a growing pause (1 s, 2 s, … at most
 * {@code maxPause}) until it goes through. Only an interrupt (shutdown) ends the wait: the record is then not
 * committed and is read again after the restart.
 */
final class UntilProcessed {

  private static final Logger LOG = Logger.getLogger(UntilProcessed.class);

  /** Waits between attempts; a seam for the unit test. */
  interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration maxPause;
  private final Pause pause;

  UntilProcessed(Duration maxPause, Pause pause) {
    this.maxPause = maxPause;
    this.pause = pause;
  }

  UntilProcessed() {
    this(Duration.ofSeconds(30), duration -> Thread.sleep(duration.toMillis()));
  }

  /** @throws InterruptedException when interrupted between attempts; the record must then not be acknowledged */
  <T> T run(String what, Supplier<T> work) throws InterruptedException {
    Duration next = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        // The exception's class only: messages of infrastructure failures can quote the data being written.
        LOG.errorf("%s failed (attempt %d, %s); trying again in %d s", what, attempt, e.getClass().getSimpleName(),
            next.toSeconds());
        pause.sleep(next);
        next = next.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : next.multipliedBy(2);
      }
    }
  }
}
