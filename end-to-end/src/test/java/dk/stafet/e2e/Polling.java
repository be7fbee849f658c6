package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting for the asynchronous system to get somewhere, with a failure that says what it saw last.
 */
final class Polling {

  private Polling() {}

  /** One look: the result when there, otherwise what was seen instead. */
  record Attempt(JsonNode result, String lastSeen) {
    static Attempt yes(JsonNode result) {
      return new Attempt(result, null);
    }

    static Attempt no(String lastSeen) {
      return new Attempt(null, lastSeen);
    }
  }

  /**
   * Tries every {@code interval} until it succeeds; after {@code timeout} fails with what it saw
   * last and the log's tail.
   */
  static JsonNode eventually(
      String what,
      Duration timeout,
      Duration interval,
      ServiceProcess service,
      Supplier<Attempt> attempt) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      Attempt a = attempt.get();
      if (a.result() != null) {
        return a.result();
      }
      last = a.lastSeen();
      ServiceProcess.sleep(interval.toMillis());
    }
    return fail(
        "Not within "
            + timeout.toSeconds()
            + " s: "
            + what
            + ". Last seen: "
            + last
            + "\n"
            + service.tail(40));
  }
}
