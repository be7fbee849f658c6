package dk.stafet.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One request of a course script. The request is built when it is sent, from the instant the fact
 * happened (placed by {@link CourseScript#place}) and what earlier steps of the same course learnt
 * (ids), so a step can refer to the referral or stay an earlier one created.
 */
final class Step {

  /** How a refusal is treated. */
  enum Kind {
    /** The course cannot go on without this step (it creates what later steps refer to). */
    ESSENTIAL,
    /** A refusal is logged and the course goes on. */
    OPTIONAL,
    /**
     * Asks responsibility-service about a state it learns from course facts over Kafka, so it may
     * not know it yet: 404 and 409 are tried again a few times before the refusal counts.
     */
    LEDGER
  }

  final String label;
  final Duration offset;
  final Kind kind;
  private final Function<Instant, Call> request;
  private final Consumer<JsonNode> onSuccess;
  Instant at;

  /**
   * @param label what happens, for the log; never patient data
   * @param offset when, after the course starts (scaled when the course is placed)
   * @param request builds the request for the instant it happened; null skips the step (nothing to
   *     do)
   * @param onSuccess what to remember from a 2xx answer
   */
  Step(
      String label,
      Duration offset,
      Kind kind,
      Function<Instant, Call> request,
      Consumer<JsonNode> onSuccess) {
    this.label = label;
    this.offset = offset;
    this.kind = kind;
    this.request = request;
    this.onSuccess = onSuccess == null ? json -> {} : onSuccess;
  }

  Call request() {
    return request.apply(at);
  }

  void succeeded(JsonNode answer) {
    onSuccess.accept(answer);
  }
}
