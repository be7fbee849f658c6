package dk.stafet.responsibility.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.property.CourseInvariantPropertiesTest;
import dk.stafet.responsibility.domain.property.GeneratedCourse;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The {@link DecisionIndex}'s proof: the decision it gives, course by course, is the one the rules
 * give over the whole situation, after every event of the random courses of {@link
 * CourseInvariantPropertiesTest} — asked after some events and not others (several changes at
 * once), after a previous decision that changes (every share recomputed), on copies taken with
 * changes not yet seen (as a replay's checkpoints are), and on the original after its copy moved
 * on.
 */
class DecisionIndexPropertiesTest {

  private static final ResponsibilityRules RULES = ResponsibilityRules.standard();

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
  void theIndexDecidesAsTheRulesDoOverEveryCourse(
      @ForAll("courses") GeneratedCourse course, @ForAll long seed) {
    Random random = new Random(seed);
    List<CourseEvent> ordered = new ArrayList<>(course.facts());
    ordered.sort(CourseReplay.EVENT_TIME_ORDER);
    Set<String> cancelled = new HashSet<>();
    for (CourseEvent e : ordered) {
      if (e instanceof AdmissionCancelled c) {
        cancelled.add(c.admissionId());
      }
    }
    CourseState state = new CourseState(cancelled, RULES);
    CourseState left = null; // a copy left behind, checked again later
    List<ResponsibilityDecision> seen = new ArrayList<>();
    seen.add(null);
    ResponsibilityDecision previous = null;
    for (CourseEvent event : ordered) {
      ResponsibilityDecision now = previous;
      CourseState applying = state;
      applying.apply(event, () -> now != null ? now : RULES.decide(applying.snapshot(null)));
      if (random.nextInt(4) == 0) {
        left = state;
        state = state.copy(); // with its changes not yet in the index
      }
      if (random.nextInt(3) == 0) {
        continue; // the next decision sees this event's changes and the next one's together
      }
      ResponsibilityDecision other = seen.get(random.nextInt(seen.size()));
      assertDecidesAsTheRules(state, other, event);
      previous = assertDecidesAsTheRules(state, previous, event);
      seen.add(previous);
      if (left != null && random.nextBoolean()) {
        assertDecidesAsTheRules(left, previous, event);
      }
    }
  }

  private static ResponsibilityDecision assertDecidesAsTheRules(
      CourseState state, ResponsibilityDecision previous, CourseEvent after) {
    ResponsibilityDecision expected = RULES.decide(state.snapshot(previous));
    assertThat(state.decide(previous))
        .as("after %s, previous %s", after, previous)
        .isEqualTo(expected);
    return expected;
  }

  @Provide
  Arbitrary<GeneratedCourse> courses() {
    return new CourseInvariantPropertiesTest().courses();
  }
}
