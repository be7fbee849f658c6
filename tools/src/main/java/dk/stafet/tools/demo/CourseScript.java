package dk.stafet.tools.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of one course of one patient, in the order they happened. While it runs, the patient
 * takes part in no other course. {@link #place} puts it in time: after the patient's last fact,
 * within the demo's history window and before now, so the ledger sees a plausible past that moves
 * towards the present.
 */
final class CourseScript {

  final String name;
  final Patient patient;
  final List<Step> steps = new ArrayList<>();

  /** Set by a course that ends in the patient's death: the patient is then replaced. */
  boolean endsInDeath;

  private int next;
  private int attempts;
  private long notBeforeNanos;
  private boolean abandoned;

  CourseScript(String name, Patient patient) {
    this.name = name;
    this.patient = patient;
  }

  void add(Step step) {
    steps.add(step);
  }

  /**
   * Places the steps between {@code earliest} and {@code latest}: at their offsets if the course
   * fits, else squeezed proportionally. Every step gets a distinct instant, one second apart at
   * least, in order.
   */
  void place(Instant earliest, Instant latest, double startFraction) {
    Duration span = steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).offset;
    long window = Math.max(steps.size(), Duration.between(earliest, latest).toSeconds());
    long spanSeconds = Math.max(1, span.toSeconds());
    double scale = spanSeconds <= window ? 1.0 : (double) window / spanSeconds;
    long slack = Math.max(0, window - (long) (spanSeconds * scale));
    Instant start = earliest.plusSeconds((long) (slack * startFraction));
    Instant previous = null;
    for (Step step : steps) {
      Instant at = start.plusSeconds((long) (step.offset.toSeconds() * scale));
      if (previous != null && !at.isAfter(previous)) {
        at = previous.plusSeconds(1);
      }
      step.at = at;
      previous = at;
    }
  }

  boolean finished() {
    return abandoned || next >= steps.size();
  }

  boolean due(long nowNanos) {
    return !finished() && nowNanos - notBeforeNanos >= 0;
  }

  Step current() {
    return steps.get(next);
  }

  void advance() {
    next++;
    attempts = 0;
  }

  /** Tries the current step again later; false when it has been tried {@code maxAttempts} times. */
  boolean retryLater(Duration delay, int maxAttempts, long nowNanos) {
    attempts++;
    if (attempts >= maxAttempts) {
      return false;
    }
    notBeforeNanos = nowNanos + delay.toNanos();
    return true;
  }

  void abandon() {
    abandoned = true;
  }

  boolean abandoned() {
    return abandoned;
  }

  /** The instant of the last step that was sent (or of the first, if none was). */
  Instant lastPlacedAt() {
    int last = Math.max(0, Math.min(next, steps.size()) - 1);
    return steps.isEmpty() ? null : steps.get(last).at;
  }

  String progress() {
    return name + " " + patient + " step " + Math.min(next + 1, steps.size()) + "/" + steps.size();
  }
}
