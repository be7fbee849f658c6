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
    List<CourseEvent> ordered = new ArrayList<>(facts);
    ordered.sort(EVENT_TIME_ORDER);
    Set<String> cancelled = new HashSet<>();
    for (CourseEvent e : ordered) {
      if (e instanceof AdmissionCancelled c) {
        cancelled.add(c.admissionId());
      }
    }
    CourseState state = new CourseState(cancelled);
    List<TimelineSegment> segments = new ArrayList<>();
    ResponsibilityDecision inForce = null;
    Instant inForceSince = null;
    String inForceBecauseOf = null;
    int i = 0;
    while (i < ordered.size()) {
      Instant at = ordered.get(i).occurredAt();
      int groupEnd = i;
      while (groupEnd < ordered.size() && ordered.get(groupEnd).occurredAt().equals(at)) {
        groupEnd++;
      }
      boolean simultaneous = groupEnd - i > 1;
      ResponsibilityDecision before = inForce;
      ResponsibilityDecision running = inForce;
      String changedBy = null;
      for (; i < groupEnd; i++) {
        CourseEvent event = ordered.get(i);
        if (state.isDead()) {
          continue; // R20: later events reopen nothing
        }
        ResponsibilityDecision current = running;
        state.apply(event, () -> current != null ? current : rules.decide(state.snapshot(before)));
        if (simultaneous || i + 1 == groupEnd) {
          // Decide after each of several simultaneous events only to name the one that changed it.
          ResponsibilityDecision after = rules.decide(state.snapshot(before));
          if (!after.equals(running)) {
            running = after;
            changedBy = event.eventId();
          }
        }
      }
      if (running == null) {
        continue;
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
    if (inForce != null) {
      segments.add(new TimelineSegment(inForceSince, Optional.empty(), inForce, inForceBecauseOf));
    }
    return new Timeline(segments);
  }
}
