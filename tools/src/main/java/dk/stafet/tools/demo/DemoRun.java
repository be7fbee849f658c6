package dk.stafet.tools.demo;

import dk.stafet.tools.demo.StafetHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;

/**
 * The pacing loop. At each slot (DEMO_RATE per second) it sends either a deliberately bad message
 * (DEMO_BAD_SHARE) or the next step of one of the running course scripts, taking them in turn. It
 * keeps a handful of courses running at once, each for a different patient, and starts a new one
 * when one ends. Every refusal is logged and the demo goes on: a refused essential step ends its
 * course, any other is skipped; a step that asks the ledger is tried again a few times first, as
 * the ledger learns course facts through Kafka a moment later.
 */
final class DemoRun {

  private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DANISH_TIME);
  private static final Duration SUMMARY_EVERY = Duration.ofSeconds(30);
  private static final Duration LEDGER_RETRY = Duration.ofMillis(1500);
  private static final int LEDGER_ATTEMPTS = 8;
  private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(3);
  private static final int UNREACHABLE_ATTEMPTS = 40;

  /**
   * A course may use this share of the time between the patient's last fact and now, leaving room
   * for the next.
   */
  private static final double ROOM_SHARE = 0.6;

  private final DemoConfig config;
  private final StafetHttp http;
  private final Population population;
  private final CourseScripts scripts;
  private final BadMessages badMessages;
  private final RandomGenerator random;
  private final DemoStats stats = new DemoStats();
  private final List<CourseScript> active = new ArrayList<>();
  private final int maxActive;
  private int cursor;
  private volatile boolean running = true;
  private long lastSummary = System.nanoTime();
  private long lastUnreachableLog;

  DemoRun(
      DemoConfig config,
      StafetHttp http,
      Population population,
      CourseScripts scripts,
      BadMessages badMessages,
      RandomGenerator random) {
    this.config = config;
    this.http = http;
    this.population = population;
    this.scripts = scripts;
    this.badMessages = badMessages;
    this.random = random;
    this.maxActive = Math.max(2, Math.min(12, config.patients() / 5));
  }

  void stop() {
    running = false;
  }

  boolean running() {
    return running;
  }

  String summary() {
    return stats.summary(population.living());
  }

  void run() throws InterruptedException {
    Pacer pacer = new Pacer(config.rate());
    while (running && (config.maxRequests() == 0 || stats.requests < config.maxRequests())) {
      pacer.await();
      if (!running) {
        break;
      }
      if (random.nextDouble() < config.badShare()) {
        sendBadMessage();
      } else {
        CourseScript script = nextDue();
        if (script != null) {
          execute(script);
        }
      }
      if (System.nanoTime() - lastSummary > SUMMARY_EVERY.toNanos()) {
        lastSummary = System.nanoTime();
        DemoLog.info("so far: %s", summary());
      }
    }
  }

  // ---------------------------------------------------------------- scripts

  private CourseScript nextDue() {
    fillActive();
    long now = System.nanoTime();
    for (int i = 0; i < active.size(); i++) {
      int index = (cursor + i) % active.size();
      CourseScript script = active.get(index);
      if (script.due(now)) {
        cursor = index + 1;
        return script;
      }
    }
    return null;
  }

  /** Registers new patients first; then keeps up to {@code maxActive} courses running. */
  private void fillActive() {
    while (active.size() < maxActive) {
      Optional<Patient> unregistered = population.unregistered().stream().findFirst();
      CourseScript script;
      if (unregistered.isPresent()) {
        script = scripts.registration(unregistered.get());
        Instant listedSince =
            Instant.now()
                .minus(config.history())
                .minus(Duration.ofDays(30 + random.nextInt(15 * 365)))
                .truncatedTo(ChronoUnit.SECONDS);
        script.place(listedSince, listedSince, 0);
      } else {
        Optional<Patient> free = population.pickAvailable();
        if (free.isEmpty()) {
          return;
        }
        script = scripts.next(free.get(), LocalDate.now(DANISH_TIME));
        place(script);
        stats.coursesStarted++;
        DemoLog.info(
            "course started: %s %s, %d steps, %s → %s",
            script.name,
            script.patient,
            script.steps.size(),
            WHEN.format(script.steps.get(0).at),
            WHEN.format(script.steps.get(script.steps.size() - 1).at));
      }
      script.patient.busy = true;
      active.add(script);
    }
  }

  /**
   * Puts a course after the patient's last fact, within the history window and before now: in the
   * first round the courses spread over the past weeks, later ones come ever closer to the present.
   */
  private void place(CourseScript script) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant latest = now.minus(Duration.ofMinutes(1));
    Instant floor = now.minus(config.history());
    Instant last = script.patient.lastFactAt == null ? floor : script.patient.lastFactAt;
    Duration room = Duration.between(last, latest);
    if (room.isNegative()) {
      room = Duration.ZERO;
    }
    Duration gap =
        room.dividedBy(10).compareTo(Duration.ofMinutes(30)) < 0
            ? room.dividedBy(10)
            : Duration.ofMinutes(30);
    Instant earliest = last.plus(gap).isAfter(floor) ? last.plus(gap).plusSeconds(1) : floor;
    if (!earliest.isBefore(latest)) {
      earliest = last.plusSeconds(1);
      latest = earliest.plusSeconds(script.steps.size());
    }
    long usable = (long) (Duration.between(earliest, latest).toSeconds() * ROOM_SHARE);
    script.place(
        earliest, earliest.plusSeconds(Math.max(script.steps.size(), usable)), random.nextDouble());
  }

  private void execute(CourseScript script) throws InterruptedException {
    Step step = script.current();
    Call call = step.request();
    if (call == null) {
      DemoLog.info(
          "skipped %s [%s]: %s (an earlier step did not succeed)",
          script.name, script.progress(), step.label);
      script.advance();
      finishIfDone(script);
      return;
    }
    Answer answer = http.post(call);
    long now = System.nanoTime();
    boolean ledgerNotThereYet =
        step.kind == Step.Kind.LEDGER
            && (answer.status() == 404 || answer.status() == 409)
            && script.retryLater(LEDGER_RETRY, LEDGER_ATTEMPTS, now);
    stats.sent(kindOf(call.path()), answer.status(), ledgerNotThereYet);
    String label = step.label + (call.note() != null ? " " + call.note() : "");
    if (answer.ok()) {
      step.succeeded(answer.json());
      DemoLog.info(
          "%d %s: %s (%s)", answer.status(), script.progress(), label, WHEN.format(step.at));
      script.advance();
    } else if (answer.unreachable()) {
      logUnreachable(call, answer);
      if (!script.retryLater(UNREACHABLE_RETRY, UNREACHABLE_ATTEMPTS, now)) {
        DemoLog.warn("giving up %s: %s stays unreachable", script.progress(), call.service());
        script.abandon();
      }
    } else if (ledgerNotThereYet) {
      // asked again in a moment: the ledger learns course facts through Kafka
    } else {
      DemoLog.warn(
          "%d %s: %s refused: %s", answer.status(), script.progress(), label, answer.summary());
      if (step.kind == Step.Kind.ESSENTIAL) {
        script.abandon();
      } else {
        script.advance();
      }
    }
    finishIfDone(script);
  }

  private void finishIfDone(CourseScript script) {
    if (!script.finished()) {
      return;
    }
    active.remove(script);
    Patient patient = script.patient;
    patient.busy = false;
    Instant last = script.lastPlacedAt();
    if (last != null && (patient.lastFactAt == null || last.isAfter(patient.lastFactAt))) {
      patient.lastFactAt = last;
    }
    if ("registration".equals(script.name)) {
      return;
    }
    if (script.abandoned()) {
      stats.coursesAbandoned++;
      DemoLog.info("course abandoned: %s %s", script.name, patient);
    } else {
      stats.coursesCompleted++;
    }
    if (patient.deceased) {
      stats.deaths++;
      Patient newcomer = population.replace(patient);
      DemoLog.info(
          "%s died; %s joins the population, listed at %s", patient, newcomer, newcomer.gp.name());
    }
  }

  // ---------------------------------------------------------------- bad messages

  private void sendBadMessage() throws InterruptedException {
    BadMessages.Bad bad = badMessages.next();
    Answer answer = http.post(bad.call());
    stats.sent("bad-message", answer.status(), false);
    stats.badMessages++;
    if (answer.quarantineId() != null) {
      stats.quarantined++;
    }
    if (answer.unreachable()) {
      logUnreachable(bad.call(), answer);
    } else {
      DemoLog.info(
          "%d bad message (%s) → %s%s",
          answer.status(),
          bad.kind().description,
          answer.ok() ? "accepted?!" : answer.summary(),
          answer.quarantineId() != null ? " [quarantine " + answer.quarantineId() + "]" : "");
    }
  }

  // ---------------------------------------------------------------- helpers

  private void logUnreachable(Call call, Answer answer) {
    long now = System.nanoTime();
    if (now - lastUnreachableLog > Duration.ofSeconds(10).toNanos()) {
      lastUnreachableLog = now;
      DemoLog.warn("%s unreachable (%s); retrying", call.service(), answer.summary());
    }
  }

  /** The path without ids and patient keys, e.g. {@code referrals/visitation}. */
  static String kindOf(String path) {
    StringJoiner kind = new StringJoiner("/");
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !"api".equals(segment) && segment.length() < 20) {
        kind.add(segment);
      }
    }
    return kind.toString();
  }
}
