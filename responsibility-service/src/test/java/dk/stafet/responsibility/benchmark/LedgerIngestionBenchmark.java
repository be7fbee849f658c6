package dk.stafet.responsibility.benchmark;

import static dk.stafet.responsibility.support.TestFacts.CARDIOLOGY;
import static dk.stafet.responsibility.support.TestFacts.GP_AABYHOEJ;
import static dk.stafet.responsibility.support.TestFacts.MEDICAL_GODSTRUP;
import static dk.stafet.responsibility.support.TestFacts.admitted;
import static dk.stafet.responsibility.support.TestFacts.cancerReferral;
import static dk.stafet.responsibility.support.TestFacts.discharged;
import static dk.stafet.responsibility.support.TestFacts.event;
import static dk.stafet.responsibility.support.TestFacts.listedGp;
import static dk.stafet.responsibility.support.TestFacts.sendTogether;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.responsibility.ledger.CourseFactIngestion;
import dk.stafet.responsibility.messaging.CourseEventConsumer;
import dk.stafet.responsibility.support.TestDb;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Measures the ledger's ingestion: course events through the real consumer path ({@link
 * CourseEventConsumer}, its transaction, {@code CourseFactIngestion}, {@code LedgerService}, the
 * outbox) against a real PostgreSQL. Not a test: it asserts nothing and its name keeps it out of
 * {@code ./mvnw test}; run it on purpose ({@code ./stafet bench-ledger}, docs/performance.md):
 *
 * <pre>
 * ./mvnw -B -o -pl responsibility-service -am test -Dtest=LedgerIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dbench.patients=200 -Dbench.events=2000 -Dbench.history=1000 -Dbench.instant=800]</pre>
 *
 * Scenarios, each on patients of its own:
 *
 * <ol>
 *   <li><b>courses</b>: {@code bench.events} events round-robin over {@code bench.patients}
 *       patients, each patient a demo-like course (listed GP, cancer referral, admission, leave,
 *       discharge, ...) at increasing event times.
 *   <li><b>history</b>: one patient, {@code bench.history} events at increasing instants
 *       (admission/discharge cycles): the cost of one long history.
 *   <li><b>instant</b>: one patient, {@code bench.instant} admissions at one and the same instant,
 *       each a new stay: what {@code ./stafet bench} leaves in the local run (MedCom's STIN example
 *       every time).
 * </ol>
 *
 * Reported per scenario and per slice of it: events/s (wall), CPU ms per event of the consuming
 * thread (PostgreSQL's CPU is not in it) and JDBC statements per event prepared through Hibernate
 * (plus the two plain-JDBC inserts per event: processed_message and, when something changed,
 * outbox_event). Results also go to {@code target/ledger-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(LedgerIngestionBenchmark.WithStatistics.class)
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class LedgerIngestionBenchmark {

  /** Hibernate statistics on, to count statements per event. */
  public static class WithStatistics implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.hibernate-orm.statistics",
          "true",
          "quarkus.log.category.\"dk.stafet\".level",
          "WARN");
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

  @Inject CourseEventConsumer consumer;

  @Inject EntityManagerFactory entityManagerFactory;

  @Inject MeterRegistry meters;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long offset;
  private final StringBuilder out = new StringBuilder();

  @Test
  void run() throws IOException, InterruptedException {
    int patients = Integer.getInteger("bench.patients", 200);
    int events = Integer.getInteger("bench.events", 2000);
    int history = Integer.getInteger("bench.history", 1000);
    int instant = Integer.getInteger("bench.instant", 800);
    print(
        String.format(
            "Ledger ingestion benchmark, %s, %d cores, Java %s, load %s",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            load()));

    // Warm-up: JIT, connection pool, caches; on patients of its own.
    feed("warm-up", courses("warm", 20, 400), 400);

    feed(
        "courses: " + events + " events, " + patients + " patients",
        courses("c", patients, events),
        Math.max(1, events / 4));
    feed(
        "history: 1 patient, " + history + " events at increasing instants",
        history(history),
        Math.max(1, history / 5));
    feed(
        "instant: 1 patient, " + instant + " admissions at one instant",
        oneInstant(instant),
        Math.max(1, instant / 4));

    // A backlog through the Kafka channel, as after a restart: the whole path, polls included.
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      drain(
          kafka,
          "backlog: " + events + " events, " + patients + " patients, through Kafka",
          courses("k", patients, events));
    }

    Path file = Path.of("target", "ledger-benchmark.txt");
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private void feed(String name, List<CourseEvent> events, int slice) throws InterruptedException {
    if (events.isEmpty()) {
      return;
    }
    Statistics stats = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    print(name + " (load " + load() + ")");
    long wallTotal = System.nanoTime();
    long cpuTotal = THREADS.getCurrentThreadCpuTime();
    long statementsTotal = stats.getPrepareStatementCount();
    for (int from = 0; from < events.size(); from += slice) {
      int to = Math.min(events.size(), from + slice);
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long statements = stats.getPrepareStatementCount();
      for (CourseEvent e : events.subList(from, to)) {
        consumer.apply(record(e));
      }
      line("  events " + (from + 1) + "-" + to, to - from, wall, cpu, statements, stats);
    }
    line("  all", events.size(), wallTotal, cpuTotal, statementsTotal, stats);
  }

  /**
   * Publishes the events at once (one batch on the log) and times until the channel has applied
   * every one: events/s, the process's CPU (the broker's included: it runs in this JVM) and the
   * channel's polls (each one transaction since PollBatches).
   */
  private void drain(KafkaTestClient kafka, String name, List<CourseEvent> events)
      throws InterruptedException {
    long before = processed();
    long cpu = OS.getProcessCpuTime();
    long wall = System.nanoTime();
    sendTogether(kafka, events);
    while (processed() < before + events.size()) {
      Thread.sleep(50);
      if ((System.nanoTime() - wall) / 1e9 > 900) {
        print(name + ": gave up after 900 s");
        return;
      }
    }
    double wallS = (System.nanoTime() - wall) / 1e9;
    print(
        String.format(
            "%s (load %s): %.1f events/s, %.2f ms/event process CPU, %d polls",
            name,
            load(),
            events.size() / wallS,
            (OS.getProcessCpuTime() - cpu) / 1e6 / events.size(),
            polls()));
  }

  private static long processed() {
    return TestDb.count(
        "SELECT count(*) FROM processed_message WHERE consumer = ?1", CourseFactIngestion.CONSUMER);
  }

  /** The course-events channel's polls so far (0 where the channel is not batched). */
  private long polls() {
    var summary =
        meters.find("stafet.kafka.poll.records").tag("channel", "course-events").summary();
    return summary == null ? 0 : summary.count();
  }

  private void line(
      String label, int n, long wallStart, long cpuStart, long statementsStart, Statistics stats) {
    double wallS = (System.nanoTime() - wallStart) / 1e9;
    double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    long statements = stats.getPrepareStatementCount() - statementsStart;
    print(
        String.format(
            "%-22s %6.1f events/s  %7.2f ms/event wall  %7.2f ms/event CPU  %5.1f statements/event",
            label, n / wallS, wallS * 1000 / n, cpuMs / n, (double) statements / n));
  }

  private ConsumerRecord<String, String> record(CourseEvent event) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(
            Topics.COURSE_EVENTS, 0, offset++, event.patientKey(), EventJson.write(event));
    record.headers().add("ce_id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** Demo-like courses, interleaved over the patients as the demo traffic interleaves them. */
  private static List<CourseEvent> courses(String prefix, int patients, int events) {
    List<List<CourseEvent>> perPatient = new ArrayList<>();
    if (events == 0) {
      return List.of();
    }
    for (int p = 0; p < patients; p++) {
      String key = "p-bench-" + prefix + "-" + p + "-" + System.nanoTime();
      String cpr = String.format("%010d", 1_000_000_000L + p);
      List<CourseEvent> course = new ArrayList<>();
      Instant at = START.plus(Duration.ofMinutes(p));
      course.add(listedGp(key, cpr, at, GP_AABYHOEJ));
      for (int cycle = 0; course.size() < events / patients + 8; cycle++) {
        String stay = "stay-" + cycle;
        at = at.plus(Duration.ofDays(3));
        course.add(cancerReferral(key, cpr, at, "ref-" + cycle, CARDIOLOGY, GP_AABYHOEJ));
        course.add(
            event(
                CourseEventType.REFERRAL_ACCEPTED,
                key,
                cpr,
                at.plus(Duration.ofHours(20)),
                "ref-" + cycle,
                CARDIOLOGY,
                GP_AABYHOEJ,
                Map.of()));
        course.add(
            admitted(
                key,
                cpr,
                at.plus(Duration.ofDays(1)),
                stay,
                cycle % 2 == 0 ? CARDIOLOGY : MEDICAL_GODSTRUP));
        course.add(
            event(
                CourseEventType.LEAVE_STARTED,
                key,
                cpr,
                at.plus(Duration.ofDays(1).plusHours(6)),
                stay,
                CARDIOLOGY,
                null,
                Map.of("hnCode", "STOR")));
        course.add(
            event(
                CourseEventType.LEAVE_ENDED,
                key,
                cpr,
                at.plus(Duration.ofDays(1).plusHours(30)),
                stay,
                CARDIOLOGY,
                null,
                Map.of("hnCode", "SLOR")));
        course.add(discharged(key, cpr, at.plus(Duration.ofDays(2)), stay, CARDIOLOGY));
        course.add(
            event(
                CourseEventType.REFERRAL_ENDED,
                key,
                cpr,
                at.plus(Duration.ofDays(2).plusHours(1)),
                "ref-" + cycle,
                CARDIOLOGY,
                GP_AABYHOEJ,
                Map.of()));
      }
      perPatient.add(course);
    }
    List<CourseEvent> interleaved = new ArrayList<>(events);
    for (int i = 0; interleaved.size() < events; i++) {
      interleaved.add(perPatient.get(i % patients).get(i / patients));
    }
    return interleaved;
  }

  private static List<CourseEvent> history(int events) {
    String key = "p-bench-history-" + System.nanoTime();
    String cpr = "0101011234";
    List<CourseEvent> list = new ArrayList<>(events);
    if (events == 0) {
      return list;
    }
    list.add(listedGp(key, cpr, START, GP_AABYHOEJ));
    for (int i = 0; list.size() < events; i++) {
      Instant at = START.plus(Duration.ofDays(2L * i + 1));
      list.add(admitted(key, cpr, at, "stay-" + i, CARDIOLOGY));
      if (list.size() < events) {
        list.add(discharged(key, cpr, at.plus(Duration.ofDays(1)), "stay-" + i, CARDIOLOGY));
      }
    }
    return list;
  }

  private static List<CourseEvent> oneInstant(int events) {
    String key = "p-bench-instant-" + System.nanoTime();
    String cpr = "0202021234";
    Instant at = START;
    List<CourseEvent> list = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      list.add(admitted(key, cpr, at, "stay-" + i, CARDIOLOGY));
    }
    return list;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private void print(String line) {
    System.out.println(line);
    out.append(line).append('\n');
  }
}
