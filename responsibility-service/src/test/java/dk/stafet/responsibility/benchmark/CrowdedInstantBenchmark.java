package dk.stafet.responsibility.benchmark;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.AdmissionForm;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.ReferralReceived;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.ledger.CourseReplay.Replayed;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The crowded instant on its own, without a database: one patient, N facts at one and the same
 * instant, each recorded as the ledger records it ({@link CourseReplay#resume} from the previous
 * fact's checkpoint, the new fact anywhere in the instant's order, as a random event id puts it).
 * Prints the thread's CPU per fact for each slice of facts, so that a cost that grows with the
 * facts already at the instant shows as a rising column. Not a test: run it as a main class (see
 * docs/performance.md, "The crowded instant").
 *
 * <p>Arguments: facts (default 2000), slice (default 250), shape ({@code admissions} or {@code
 * referrals}).
 */
public final class CrowdedInstantBenchmark {

  private static final Instant AT = Instant.parse("2023-03-01T11:00:00Z");
  private static final Organisation DEPARTMENT = Organisation.hospitalDepartment("dept-a");
  private static final Organisation GP = Organisation.gp("gp-1");

  private CrowdedInstantBenchmark() {}

  public static void main(String[] args) {
    int facts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int slice = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    String shape = args.length > 2 ? args[2] : "admissions";
    Random random = new Random(42);
    IntFunction<CourseEvent> fact =
        "referrals".equals(shape)
            ? i ->
                new ReferralReceived(
                    new UUID(random.nextLong(), random.nextLong()).toString(),
                    AT,
                    "ref-" + i,
                    GP,
                    DEPARTMENT)
            : i ->
                new AdmissionStarted(
                    new UUID(random.nextLong(), random.nextLong()).toString(),
                    AT,
                    "adm-" + i,
                    DEPARTMENT,
                    AdmissionForm.INPATIENT);
    CourseReplay replay = new CourseReplay(ResponsibilityRules.standard());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(
        "crowded instant: %d %s at one instant, %s, %d cores%n",
        facts,
        shape,
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| facts at the instant | CPU ms per fact |");
    System.out.println("|---|---|");
    Replayed last = replay.replayWithCheckpoint(List.of());
    List<CourseEvent> recorded = new ArrayList<>();
    long sliceStart = threads.getCurrentThreadCpuTime();
    for (int i = 1; i <= facts; i++) {
      CourseEvent event = fact.apply(i);
      recorded.add(event);
      last = replay.resume(last.checkpoint(), event).orElseThrow();
      if (i % slice == 0) {
        long now = threads.getCurrentThreadCpuTime();
        System.out.printf("| %d–%d | %.3f |%n", i - slice + 1, i, (now - sliceStart) / 1e6 / slice);
        sliceStart = now;
      }
    }
    // The same facts replayed whole must give the timeline the resumed replays built.
    if (!replay.replay(recorded).segments().equals(last.segments())) {
      throw new IllegalStateException("resumed and full replay differ");
    }
  }
}
