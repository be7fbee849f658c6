package dk.stafet.tools.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * One injected fault: what was killed or stopped, how, when, and when it was back.
 *
 * @param target a service module, {@code kafka} or {@code postgres}
 * @param how {@link #KILL} (SIGKILL; PostgreSQL: immediate stop) or {@link #STOP} (SIGTERM, the
 *     graceful stop of a restart or a rolling update)
 * @param atLetter the letter count at which it was injected
 * @param down when it was killed (SIGKILL) or stopped (PostgreSQL: immediate)
 * @param back when it answered again (ready / port open); null if it never came back
 */
public record Fault(String target, String how, long atLetter, Instant down, Instant back) {

  public static final String KILL = "kill";
  public static final String STOP = "stop";

  Duration recovery() {
    return back == null ? null : Duration.between(down, back);
  }

  /**
   * Injects faults into the running system; each call kills or stops the target, waits, brings it
   * back and waits until it is ready.
   */
  public interface Injector {

    /** What can be hit: the services, then {@code kafka} and {@code postgres}. */
    java.util.List<String> targets();

    /**
     * Kills {@code target}, keeps it down for {@code downFor}, starts it again; returns when it is
     * back.
     */
    void hit(String target, Duration downFor) throws Exception;

    /**
     * Stops the service {@code target} gracefully (SIGTERM), waits until it has exited, starts it
     * again; returns when it is back. A stop must leave nothing parked and nothing undone.
     */
    void stop(String target) throws Exception;
  }
}
