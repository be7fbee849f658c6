package dk.stafet.service.messaging;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.transaction.xa.XAException;
import org.jboss.logging.Logger;

/**
 * Runs the handling of a Kafka record until it is stored, as long as what fails is the
 * infrastructure (the database cannot be reached, a connection broke, a deadlock or serialisation
 * failure, no connection free in time). Moving on would either drop the record or park it in a
 * dead-letter topic, and the patient's later records would overtake it; so the consumer waits with
 * a growing pause (1 s, 2 s, … at most {@code maxPause}) and tries again. Anything else — a record
 * that cannot be read, a refusal by the domain — is thrown at once, to the channel's failure
 * strategy: waiting cannot fix it. Only an interrupt or the service's stopping ({@link
 * ServiceStopping}) ends the wait, and then no failure is blamed on the record: what fails while
 * the service stops (its persistence unit already closed) is the shutdown's doing.
 */
public final class UntilStored {

  private static final Logger LOG = Logger.getLogger(UntilStored.class);

  /**
   * SQLState classes that blame the statement or the data, not the database's availability:
   * cardinality (21), data (22), integrity (23), syntax or privilege (42), unsupported feature
   * (0A), raised by our own triggers (P0). Every other database failure — connection (08), rollback
   * (40), resources (53), object state (55, e.g. a database closed to connections), operator
   * intervention (57), system (58), internal (XX), or none from the pool — is waited out: for an
   * outage, waiting loses nothing, while a dead letter would let the patient's later facts overtake
   * this one.
   */
  private static final Set<String> RECORD_OR_CODE_SQL_STATE_CLASSES =
      Set.of("21", "22", "23", "42", "0A", "P0");

  /** Waits between attempts; a seam for tests. */
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final AtomicLong WAITS = new AtomicLong();

  private final Duration maxPause;
  private final Pause pause;
  private final BooleanSupplier stopping;

  /**
   * How many times a consumer in this JVM waited for the infrastructure: for diagnostics and for
   * the outage tests.
   */
  public static long waits() {
    return WAITS.get();
  }

  public UntilStored(Duration maxPause, Pause pause, BooleanSupplier stopping) {
    this.maxPause = maxPause;
    this.pause = pause;
    this.stopping = stopping;
  }

  public UntilStored(Duration maxPause, Pause pause) {
    this(maxPause, pause, ServiceStopping::begun);
  }

  public UntilStored() {
    this(Duration.ofSeconds(30), duration -> Thread.sleep(duration.toMillis()));
  }

  /**
   * @throws InterruptedException when interrupted between attempts, or when the service stops
   *     before or while the work runs: the record is not done, and must be left for the next start
   *     (never dead-lettered)
   * @throws RuntimeException the work's own failure when it is not the infrastructure's
   */
  public <T> T run(String what, Supplier<T> work) throws InterruptedException {
    Duration next = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      if (stopping.getAsBoolean()) {
        throw leftForNextStart(what);
      }
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (stopping.getAsBoolean()) {
          throw leftForNextStart(what);
        }
        if (!isInfrastructureFailure(e)) {
          throw e;
        }
        // The exception's class only: messages of database failures can quote the data being
        // written.
        LOG.errorf(
            "%s failed (attempt %d, %s); trying again in %d s",
            what, attempt, rootCause(e).getClass().getSimpleName(), next.toSeconds());
        WAITS.incrementAndGet();
        pause.sleep(next);
        next = next.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : next.multipliedBy(2);
      }
    }
  }

  private static InterruptedException leftForNextStart(String what) {
    return new InterruptedException(what + " is left for the next start: the service is stopping");
  }

  public void run(String what, Runnable work) throws InterruptedException {
    run(
        what,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * True if something in the cause chain says the database or the network failed, not the record.
   *
   * <p>A commit that fails because the connection broke under it reaches us as the transaction
   * manager's rollback (XA_RBROLLBACK, a {@link RollbackException} inside Quarkus' transaction
   * exception) without the SQL exception in the chain: the transaction manager only logs that. So a
   * failed commit counts as the infrastructure's unless the chain also names a fault of the record
   * or of our code. Seen in CI's chaos run: an acknowledgement read from Kafka at the instant
   * PostgreSQL stopped was quarantined instead of stored once the database was back, and the
   * delivery it answered waited for ever.
   */
  public static boolean isInfrastructureFailure(Throwable failure) {
    boolean commitFailed = false;
    boolean recordOrCodeFault = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof IOException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        // No SQLState: the pool's own failures (e.g. no connection within the acquisition timeout).
        if (state == null
            || state.length() < 2
            || !RECORD_OR_CODE_SQL_STATE_CLASSES.contains(state.substring(0, 2))) {
          return true;
        }
        recordOrCodeFault = true;
      }
      if (t instanceof RollbackException
          || t instanceof HeuristicMixedException
          || t instanceof HeuristicRollbackException
          || t instanceof XAException) {
        commitFailed = true;
      }
    }
    return commitFailed && !recordOrCodeFault;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
