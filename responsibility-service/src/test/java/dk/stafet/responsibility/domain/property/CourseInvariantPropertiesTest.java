package dk.stafet.responsibility.domain.property;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property tests over random patient courses (R1–R27 together): random sequences of referral,
 * admission, cancellation, leave, discharge, acute function, outpatient, IV, specialist, handover,
 * named-doctor and death events, at instants around weekends, holidays, R4 days and both DST
 * nights, usually delivered out of order. See {@link InvariantChecker} for the invariants.
 *
 * <p>The default build runs 100,000 courses ({@link #everyCourseKeepsTheInvariants}); the
 * 1,000,000-course run is {@code -Dstafet.property.exhaustive=true}.
 */
public class CourseInvariantPropertiesTest {

  private static final CourseReplay REPLAY = new CourseReplay(ResponsibilityRules.standard());
  private static final DanishCalendar CALENDAR = new DanishCalendar();
  private static final AtomicLong COURSES = new AtomicLong();
  private static final AtomicLong EVENTS = new AtomicLong();
  private static final AtomicLong INSTANTS = new AtomicLong();
  private static final AtomicLong HANDOVER_CHECKS = new AtomicLong();
  private static final long STARTED = System.nanoTime();

  @Property(tries = 100_000, shrinking = ShrinkingMode.BOUNDED)
  void everyCourseKeepsTheInvariants(@ForAll("courses") GeneratedCourse course) {
    check(course);
  }

  /**
   * The run-once property: 1,000,000 courses with the {@code property-run-1m} profile, which sets
   * its tries through {@code jqwik.tries.default} (junit-platform.properties says 1,000,000 too);
   * {@code -Dstafet.property.tries=N} with the profile runs fewer.
   */
  @Property(shrinking = ShrinkingMode.BOUNDED)
  @AddLifecycleHook(ExhaustiveOnly.class)
  @Tag("exhaustive")
  void everyCourseKeepsTheInvariantsExhaustive(@ForAll("courses") GeneratedCourse course) {
    check(course);
  }

  private static void check(GeneratedCourse course) {
    InvariantChecker checker = new InvariantChecker(REPLAY, CALENDAR);
    checker.check(course);
    COURSES.incrementAndGet();
    EVENTS.addAndGet(course.facts().size());
    INSTANTS.addAndGet(checker.instantsChecked);
    HANDOVER_CHECKS.addAndGet(course.handoverChecks());
  }

  /** The random courses; other property tests (the ledger's, too) draw from them. */
  @Provide
  public Arbitrary<GeneratedCourse> courses() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 9_999),
                Arbitraries.integers().between(0, 10))
            .as(Step::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, 15), // start anchor (≥ 12: random instant 2023–2027)
            Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.of(true, true, true, false), // listed GP present (mostly)
            step.list().ofMinSize(1).ofMaxSize(24),
            Arbitraries.longs())
        .as(
            (anchor, jitter, listedGp, steps, seed) ->
                CourseGenerator.generate(REPLAY, anchor, jitter, listedGp, steps, seed));
  }

  @AfterContainer
  static void report() {
    double seconds = (System.nanoTime() - STARTED) / 1e9;
    System.out.printf(
        "stafet property run: %,d courses, %,d events, %,d instants checked, %,d handover "
            + "refusals/alarms checked, %.1f s%n",
        COURSES.get(), EVENTS.get(), INSTANTS.get(), HANDOVER_CHECKS.get(), seconds);
  }
}
