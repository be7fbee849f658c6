package dk.stafet.responsibility.domain.property;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.ledger.CourseReplay.Replayed;
import dk.stafet.responsibility.domain.ledger.TimelineSegment;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The incremental ledger's proof: a replay resumed from the last checkpoint with one more fact
 * gives exactly the segments a full replay of every fact gives, and the segments it leaves out are
 * the ones the previous replay already had. Over the random courses of {@link
 * CourseInvariantPropertiesTest}, delivered as generated (mostly out of order) and in event-time
 * order.
 */
class ResumedReplayPropertiesTest {

  private static final CourseReplay REPLAY = new CourseReplay(ResponsibilityRules.standard());

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
  void aResumedReplayEqualsAFullOneInAnyDeliveryOrder(@ForAll("courses") GeneratedCourse course) {
    deliver(course.deliveryOrder());
  }

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
  void inEventTimeOrderEveryFactButACancellationResumes(@ForAll("courses") GeneratedCourse course) {
    int resumed = deliver(course.facts());
    long cancellations =
        course.facts().stream().filter(AdmissionCancelled.class::isInstance).count();
    assertThat(resumed).isEqualTo(course.facts().size() - (int) cancellations);
  }

  /** Delivers the facts one at a time, checking every resumed replay; returns how many resumed. */
  private static int deliver(List<CourseEvent> delivery) {
    List<CourseEvent> known = new ArrayList<>();
    Replayed previous = REPLAY.replayWithCheckpoint(known);
    int resumedCount = 0;
    for (CourseEvent fact : delivery) {
      known.add(fact);
      Replayed full = REPLAY.replayWithCheckpoint(known);
      Optional<Replayed> resumed = REPLAY.resume(previous.checkpoint(), fact);
      if (resumed.isPresent()) {
        resumedCount++;
        Optional<Instant> from = resumed.get().from();
        assertThat(resumed.get().segments())
            .as("segments after %s once %s is added", from, fact)
            .isEqualTo(endingAfter(full.segments(), from))
            .as("the segments ending after %s are those starting at or after it", from)
            .isEqualTo(startingFrom(full.segments(), from));
        assertThat(endingBy(full.segments(), from))
            .as("segments up to %s are unchanged by %s", from, fact)
            .isEqualTo(endingBy(previous.segments(), from));
        previous = new Replayed(full.segments(), Optional.empty(), resumed.get().checkpoint());
      } else {
        Instant latest = previous.checkpoint().latest();
        assertThat(
                fact instanceof AdmissionCancelled
                    || latest != null && fact.occurredAt().isBefore(latest))
            .as("only a cancellation or an earlier fact is refused: %s", fact)
            .isTrue();
        previous = full;
      }
    }
    return resumedCount;
  }

  private static List<TimelineSegment> endingAfter(
      List<TimelineSegment> segments, Optional<Instant> from) {
    return segments.stream()
        .filter(s -> from.isEmpty() || s.validTo().map(to -> to.isAfter(from.get())).orElse(true))
        .toList();
  }

  private static List<TimelineSegment> startingFrom(
      List<TimelineSegment> segments, Optional<Instant> from) {
    return segments.stream()
        .filter(s -> from.isEmpty() || !s.validFrom().isBefore(from.get()))
        .toList();
  }

  private static List<TimelineSegment> endingBy(
      List<TimelineSegment> segments, Optional<Instant> from) {
    return segments.stream()
        .filter(
            s -> from.isPresent() && s.validTo().map(to -> !to.isAfter(from.get())).orElse(false))
        .toList();
  }

  @Provide
  Arbitrary<GeneratedCourse> courses() {
    return new CourseInvariantPropertiesTest().courses();
  }
}
