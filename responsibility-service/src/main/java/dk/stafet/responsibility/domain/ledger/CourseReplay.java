package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes a patient's responsibility timeline from the facts, in event-time order. This is the
 * whole of the ledger's logic: whatever order the facts arrived in, the same facts give the same
 * timeline.
 *
 * <ul>
 *   <li>Order: occurredAt, then event id (so that simultaneous events are ordered the same way on
 *       every replay, independent of arrival).
 *   <li>R8: an admission cancelled anywhere in the facts is void at every instant.
 *   <li>R20: after death every further event is kept as a fact but ignored.
 *   <li>Several events at one instant produce one segment (zero-length states do not exist).
 * </ul>
 *
 * <p>A replay also leaves a {@link Checkpoint}: the state just before and just after the latest
 * instant. A new fact at or after that instant can {@link #resume} from it instead of replaying the
 * whole history, and gets exactly the timeline a full replay would give (held by {@code
 * ResumedReplayPropertiesTest}); a fact that could change the past (an earlier instant, an R8
 * cancellation) cannot, and the caller replays everything.
 */
public final class CourseReplay {

  /** Event-time order used by every replay. */
  public static final Comparator<CourseEvent> EVENT_TIME_ORDER =
      Comparator.comparing(CourseEvent::occurredAt).thenComparing(CourseEvent::eventId);

  private final ResponsibilityRules rules;

  public CourseReplay(ResponsibilityRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public ResponsibilityRules rules() {
    return rules;
  }

  public Timeline replay(Collection<? extends CourseEvent> facts) {
    return new Timeline(replayWithCheckpoint(facts).segments());
  }

  /** The whole timeline ({@link Replayed#from} empty) and the checkpoint after the last fact. */
  public Replayed replayWithCheckpoint(Collection<? extends CourseEvent> facts) {
    List<CourseEvent> ordered = new ArrayList<>(facts);
    ordered.sort(EVENT_TIME_ORDER);
    Set<String> cancelled = new HashSet<>();
    for (CourseEvent e : ordered) {
      if (e instanceof AdmissionCancelled c) {
        cancelled.add(c.admissionId());
      }
    }
    Run run = new Run(new CourseState(cancelled, rules));
    Run beforeLatest = run.copy();
    List<CourseEvent> atLatest = List.of();
    int i = 0;
    while (i < ordered.size()) {
      Instant at = ordered.get(i).occurredAt();
      int groupEnd = i;
      while (groupEnd < ordered.size() && ordered.get(groupEnd).occurredAt().equals(at)) {
        groupEnd++;
      }
      List<CourseEvent> group = ordered.subList(i, groupEnd);
      if (groupEnd == ordered.size()) {
        beforeLatest = run.copy();
        atLatest = List.copyOf(group);
      }
      run.instant(at, group);
      i = groupEnd;
    }
    return new Replayed(
        run.segments(), Optional.empty(), new Checkpoint(beforeLatest, run.copy(), atLatest));
  }

  /**
   * Continues a replay with one more fact. Empty when the fact could change what happened before
   * the checkpoint's latest instant: it is earlier, or it cancels an admission (R8 voids it at
   * every instant). Otherwise only the latest instant (when the fact shares it) and the fact's own
   * instant are replayed, and the result holds the segments from the one in force before them.
   */
  public Optional<Replayed> resume(Checkpoint from, CourseEvent event) {
    Objects.requireNonNull(from, "from");
    if (event instanceof AdmissionCancelled) {
      return Optional.empty();
    }
    Instant latest = from.latest();
    Instant at = event.occurredAt();
    if (latest != null && at.isBefore(latest)) {
      return Optional.empty();
    }
    Run start;
    List<CourseEvent> group;
    if (at.equals(latest)) { // the instant is replayed again, the new fact in its place in it
      start = from.beforeLatest;
      List<CourseEvent> merged = new ArrayList<>(from.atLatest);
      merged.add(event);
      merged.sort(EVENT_TIME_ORDER);
      group = List.copyOf(merged);
    } else {
      start = from.afterLatest;
      group = List.of(event);
    }
    Run run = start.copy();
    run.instant(at, group);
    return Optional.of(
        new Replayed(
            run.segments(),
            Optional.ofNullable(start.inForceSince),
            new Checkpoint(start, run.copy(), group)));
  }

  /**
   * The replay as the checkpoint left it, for a fact that changes no course (a waiting-time alert,
   * say): the segment in force, from its start.
   */
  public Replayed unchanged(Checkpoint at) {
    Run run = at.afterLatest.copy();
    return new Replayed(run.segments(), Optional.ofNullable(run.inForceSince), at);
  }

  /**
   * The segments of a replay. {@code from} empty: the whole timeline. {@code from} present: it is
   * the start of the segment in force before the resumed instants, and the segments are that one
   * and every later one (those that end after it or are open); every segment before it is the same
   * as before the fact that was resumed with.
   */
  public record Replayed(
      List<TimelineSegment> segments, Optional<Instant> from, Checkpoint checkpoint) {
    public Replayed {
      segments = List.copyOf(segments);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /**
   * Where a replay stands after its last fact: the course state before and after its latest instant
   * and the facts at that instant. Immutable: {@link #resume} works on copies, so one checkpoint
   * can be resumed from any number of times.
   */
  public static final class Checkpoint {
    private final Run beforeLatest;
    private final Run afterLatest;
    private final List<CourseEvent> atLatest;

    private Checkpoint(Run beforeLatest, Run afterLatest, List<CourseEvent> atLatest) {
      this.beforeLatest = beforeLatest;
      this.afterLatest = afterLatest;
      this.atLatest = atLatest;
    }

    /** The latest instant replayed, or null before the first fact. */
    public Instant latest() {
      return atLatest.isEmpty() ? null : atLatest.get(0).occurredAt();
    }
  }

  /** One replay in progress: the course state, the decision in force and the segments so far. */
  private static final class Run {
    private final CourseState state;
    private final List<TimelineSegment> segments = new ArrayList<>();
    private ResponsibilityDecision inForce;
    private Instant inForceSince;
    private String inForceBecauseOf;

    Run(CourseState state) {
      this.state = state;
    }

    /** The same state and decision in force, without the segments already closed. */
    Run copy() {
      Run copy = new Run(state.copy());
      copy.inForce = inForce;
      copy.inForceSince = inForceSince;
      copy.inForceBecauseOf = inForceBecauseOf;
      return copy;
    }

    /** Applies the events of one instant, in event-time order. */
    void instant(Instant at, List<CourseEvent> events) {
      boolean simultaneous = events.size() > 1;
      ResponsibilityDecision before = inForce;
      ResponsibilityDecision running = inForce;
      String changedBy = null;
      for (int i = 0; i < events.size(); i++) {
        CourseEvent event = events.get(i);
        if (state.isDead()) {
          continue; // R20: later events reopen nothing
        }
        ResponsibilityDecision current = running;
        state.apply(event, () -> current != null ? current : state.decide(before));
        if (simultaneous || i + 1 == events.size()) {
          // Decide after each of several simultaneous events only to name the one that changed it.
          ResponsibilityDecision after = state.decide(before);
          if (!after.equals(running)) {
            running = after;
            changedBy = event.eventId();
          }
        }
      }
      if (running == null) {
        return;
      }
      state.forgetNamedDoctorUnlessHeldBy(running);
      if (!running.equals(inForce)) {
        if (inForce != null) {
          segments.add(
              new TimelineSegment(inForceSince, Optional.of(at), inForce, inForceBecauseOf));
        }
        inForce = running;
        inForceSince = at;
        inForceBecauseOf = changedBy;
      }
    }

    /** The closed segments and the one in force. */
    List<TimelineSegment> segments() {
      List<TimelineSegment> all = new ArrayList<>(segments);
      if (inForce != null) {
        all.add(new TimelineSegment(inForceSince, Optional.empty(), inForce, inForceBecauseOf));
      }
      return all;
    }
  }
}
