package dk.stafet.benchmark;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.tools.ConsumerLag;
import dk.stafet.tools.IssuerTokens;
import dk.stafet.tools.chaos.Traffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The whole path on the locally started system ({@code ./stafet bench e2e}): synthetic MedCom
 * letters (admissions, CareCommunications, discharges; many patients, some with long histories; a
 * share of duplicates and of invalid letters) offered open-loop at fixed rates through both doors
 * (HTTP {@code $process-message} and {@code medcom.inbound}), each letter followed through the
 * timestamps the services already store: received by the front door, its event published by the
 * outbox relay, the fact in the ledger, the hub delivery stored and sent by notification-service,
 * the recipient simulator's acknowledgement matched. Per rate it reports throughput, p50/p95/p99
 * per hop and overall, CPU seconds per letter of each process, heap and RSS; at the end the
 * consumer lag; and, in the same run, the box's own limits (PostgreSQL commits, Kafka {@code
 * acks=all} produce, HAPI parse+write). Configuration: system properties {@code bench.*} (see
 * docs/performance.md).
 */
public final class EndToEndBenchmark {

  private static final Pattern HEADER_ID = Pattern.compile("\"messageHeaderId\":\"([^\"]+)\"");
  private static final Pattern SOURCE_ID = Pattern.compile("\"sourceMessageId\":\"([^\"]+)\"");
  private static final String[] SERVICES = {
    "referral-service", "responsibility-service", "notification-service"
  };
  private static final int[] PORTS = {8081, 8082, 8083};

  /** One letter offered; {@code measured} letters are valid first transmissions. */
  private static final class Sent {
    final String headerId;
    final String kind;
    final String door;
    final boolean measured;
    final long sentAt;
    volatile long answeredAt;

    Sent(String headerId, String kind, String door, boolean measured, long sentAt) {
      this.headerId = headerId;
      this.kind = kind;
      this.door = door;
      this.measured = measured;
      this.sentAt = sentAt;
    }
  }

  private record OpenStay(Traffic.Patient patient, Traffic.Stay stay, long admittedAt) {}

  private record Transmission(String door, String senderSor, String senderGln, String json) {}

  private final String referralUrl = prop("bench.referral.url", "http://127.0.0.1:8081");
  private final String bootstrap = prop("kafka.bootstrap.servers", "127.0.0.1:9092");
  private final String jdbcBase = prop("bench.jdbc.base", "jdbc:postgresql://127.0.0.1:5432/");
  private final String dbUser = prop("bench.db.user", "stafet");
  private final String dbPassword = prop("bench.db.password", "stafet");
  private final Path runDir = Path.of(prop("bench.run.dir", ".stafet/run"));
  private final Path outDir = Path.of(prop("bench.out", ".stafet/bench"));
  private final int seconds = Integer.parseInt(prop("bench.seconds", "60"));
  // A service's JIT compiler works for minutes after its start (HAPI is much code): 31 % of
  // referral-service's CPU in its first ten minutes. The report gives each rate's JIT share.
  private final int warmUpSeconds = Integer.parseInt(prop("bench.warmup.seconds", "180"));
  private final int settleSeconds = Integer.parseInt(prop("bench.settle.seconds", "180"));
  private final double httpShare = Double.parseDouble(prop("bench.http.share", "0.5"));
  private final double duplicateShare = Double.parseDouble(prop("bench.duplicate.share", "0.03"));
  private final double invalidShare = Double.parseDouble(prop("bench.invalid.share", "0.02"));
  private final int maxInFlight = Integer.parseInt(prop("bench.http.max-in-flight", "256"));

  private final MedcomCodec codec = new MedcomCodec();
  private final Traffic traffic = new Traffic(Long.parseLong(prop("bench.seed", "11")));
  private final Random random = new Random(Long.parseLong(prop("bench.seed", "11")));
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final IssuerTokens tokens =
      new IssuerTokens(prop("stafet.issuer.url", "http://127.0.0.1:8085"), http);
  private final KafkaProducer<String, String> producer;
  private final Semaphore inFlight;
  private final AtomicInteger patients = new AtomicInteger();
  private final List<Traffic.Patient> known = new ArrayList<>();
  private final List<Traffic.Patient> longHistories = new ArrayList<>();
  private final Map<Traffic.Patient, String> doorOf = new HashMap<>();
  private final List<OpenStay> openStays = new ArrayList<>();
  private final List<Transmission> resendable = new ArrayList<>();
  private final AtomicInteger httpFailures = new AtomicInteger();

  private EndToEndBenchmark() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "stafet-bench-e2e");
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    inFlight = new Semaphore(maxInFlight);
  }

  public static void main(String[] args) throws Exception {
    List<Double> rates =
        Arrays.stream(prop("bench.rates", "5,10,20").split(","))
            .map(String::trim)
            .map(Double::parseDouble)
            .toList();
    new EndToEndBenchmark().run(rates);
    System.exit(0);
  }

  private void run(List<Double> rates) throws Exception {
    Files.createDirectories(outDir);
    StringBuilder report = new StringBuilder();
    String machine =
        String.format(
            Locale.ROOT,
            "%s, %d cores, Java %s, load average %s",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            loadAverage());
    out(report, "Stafet end-to-end benchmark: " + machine);
    out(
        report,
        String.format(
            Locale.ROOT,
            "%d s per rate after a %d s warm-up; HTTP share %.2f, duplicates %.2f, invalid %.2f",
            seconds,
            warmUpSeconds,
            httpShare,
            duplicateShare,
            invalidShare));

    List<Bundle> sample = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Traffic.Patient patient = traffic.patient(-i);
      sample.add(
          i % 2 == 0
              ? traffic.stay(patient).admission(Instant.now())
              : traffic.careCommunication(patient));
    }
    BoxLimits box =
        BoxLimits.measure(jdbcBase + "referral", dbUser, dbPassword, bootstrap, sample, 3000);
    out(
        report,
        String.format(
            Locale.ROOT,
            "box: PostgreSQL %.0f one-row commits/s; Kafka %.0f 2-KB records/s acks=all; HAPI parse+write %.0f Bundles/s on one thread (load %s)",
            box.postgresCommitsPerSecond(),
            box.kafkaRecordsPerSecond(),
            box.hapiPerSecond(),
            loadAverage()));

    if (warmUpSeconds > 0) {
      out(report, "warm-up at " + rates.get(0) + " msg/s for " + warmUpSeconds + " s");
      List<Sent> warm = offer(rates.get(0), warmUpSeconds);
      awaitCompletion(warm, Duration.ofSeconds(settleSeconds));
    }
    List<LoadChart.Point> points = new ArrayList<>();
    out(report, "");
    out(
        report,
        "| offered/s | sent | completed e2e | e2e/s | vs box (PG commits, Kafka, HAPI) | front door p50/p95/p99 ms | relay | delivery | ack loop | ledger | overall p50/p95/p99 ms | load |");
    out(report, "|---|---|---|---|---|---|---|---|---|---|---|---|");
    StringBuilder cpu = new StringBuilder();
    StringBuilder quiet = new StringBuilder("before each rate, every consumer group caught up:");
    for (double rate : rates) {
      // Each rate starts on a system that has caught up with what came before (the warm-up, the
      // rate before, a backlog the stack started with), so that a rate measures itself.
      quiet.append(String.format(Locale.ROOT, " %.0f/s %s;", rate, awaitQuiet()));
      Map<String, Double> cpuBefore = cpuSeconds();
      Map<String, Double> jitBefore = jitSeconds();
      long start = System.currentTimeMillis();
      List<Sent> letters = offer(rate, seconds);
      awaitCompletion(letters, Duration.ofSeconds(settleSeconds));
      Map<String, Double> cpuAfter = cpuSeconds();
      Map<String, Double> jitAfter = jitSeconds();
      // Read after the CPU window: the hop times scan the outbox, which is not the system's work.
      Map<String, long[]> times =
          stored(letters.stream().filter(l -> l.measured).map(l -> l.headerId).toList());
      Hops hops = hops(letters, times);
      long completed = hops.overall.size();
      long lastAck =
          times.values().stream().mapToLong(t -> t[5]).filter(t -> t > 0).max().orElse(start);
      double e2ePerSecond = completed / Math.max(1e-3, (lastAck - start) / 1000.0);
      points.add(new LoadChart.Point(rate, e2ePerSecond, percentile(hops.overall, 99)));
      out(
          report,
          String.format(
              Locale.ROOT,
              "| %.0f | %d | %d of %d | %.1f | %.4f, %.4f, %.3f | %s | %s | %s | %s | %s | %s | %s |",
              rate,
              letters.size(),
              completed,
              letters.stream().filter(l -> l.measured).count(),
              e2ePerSecond,
              e2ePerSecond / box.postgresCommitsPerSecond(),
              e2ePerSecond / box.kafkaRecordsPerSecond(),
              e2ePerSecond / box.hapiPerSecond(),
              triple(hops.frontDoor),
              triple(hops.relay),
              triple(hops.delivery),
              triple(hops.ackLoop),
              triple(hops.ledger),
              triple(hops.overall),
              loadAverage()));
      cpu.append(String.format(Locale.ROOT, "%n%.0f msg/s offered, CPU ms per letter sent:", rate));
      for (String process : cpuAfter.keySet()) {
        double used = cpuAfter.get(process) - cpuBefore.getOrDefault(process, 0.0);
        double jit = jitAfter.getOrDefault(process, 0.0) - jitBefore.getOrDefault(process, 0.0);
        // JVMs only, and not one restarted during the rate
        String ofIt =
            jitAfter.containsKey(process) && jit >= 0
                ? String.format(Locale.ROOT, " (JIT compiler %.1f)", 1000 * jit / letters.size())
                : "";
        // less than before: the process ended (or was restarted) during the rate
        cpu.append(
            used < 0
                ? " " + process + " ended during the run;"
                : String.format(
                    Locale.ROOT, " %s %.1f%s;", process, 1000 * used / letters.size(), ofIt));
      }
    }
    out(report, cpu.toString());
    out(report, "");
    out(report, quiet.toString());
    out(report, "memory at the end: " + memory());
    out(report, "consumer lag at the end: " + ConsumerLag.byGroup(bootstrap, "stafet-bench"));
    out(
        report,
        "HTTP requests without an answer: " + httpFailures.get() + "; load " + loadAverage());
    Files.writeString(outDir.resolve("e2e-report.md"), report);
    Files.writeString(
        outDir.resolve("e2e-chart.svg"),
        LoadChart.svg("Stafet end to end: completed msg/s and p99 against offered load", points));
    System.out.println(
        "written: " + outDir.resolve("e2e-report.md") + ", " + outDir.resolve("e2e-chart.svg"));
    producer.close(Duration.ofSeconds(5));
  }

  // ------------------------------------------------------------------ offering

  /** Offers letters open-loop at {@code rate} per second for {@code secondsToRun} seconds. */
  private List<Sent> offer(double rate, int secondsToRun) throws Exception {
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    long periodNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    long end = start + secondsToRun * 1_000_000_000L;
    for (long i = 0; ; i++) {
      long due = start + i * periodNanos;
      if (due >= end) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      sent.add(next());
    }
    return sent;
  }

  private Sent next() throws Exception {
    double r = random.nextDouble();
    if (r < duplicateShare && !resendable.isEmpty()) {
      Transmission again = resendable.get(random.nextInt(resendable.size()));
      transmit(again, null);
      return new Sent("duplicate", "duplicate", again.door(), false, System.currentTimeMillis());
    }
    if (r < duplicateShare + invalidShare) {
      Traffic.Patient patient = newPatient();
      return send(patient, "invalid", traffic.invalidAdmission(patient), false);
    }
    double kind = random.nextDouble();
    long now = System.currentTimeMillis();
    if (kind < 0.25 && !openStays.isEmpty() && openStays.get(0).admittedAt() < now - 2000) {
      OpenStay open = openStays.remove(0);
      return send(open.patient(), "SLHJ", open.stay().discharge(Instant.now()), true);
    }
    if (kind < 0.5 && !known.isEmpty()) {
      Traffic.Patient patient = known.get(random.nextInt(known.size()));
      return send(patient, "CareCommunication", traffic.careCommunication(patient), true);
    }
    // an admission: one in ten of a few patients with long histories, else a new patient
    Traffic.Patient patient =
        random.nextDouble() < 0.1 && longHistories.size() >= 10
            ? longHistories.get(random.nextInt(longHistories.size()))
            : newPatient();
    if (longHistories.size() < 10) {
      longHistories.add(patient);
    }
    Traffic.Stay stay = traffic.stay(patient);
    Bundle admission = stay.admission(Instant.now().minusSeconds(60));
    stay.accepted(admission);
    if (!longHistories.contains(patient)) {
      openStays.add(new OpenStay(patient, stay, now));
    }
    return send(patient, "STIN", admission, true);
  }

  private Traffic.Patient newPatient() {
    Traffic.Patient patient = traffic.patient(patients.incrementAndGet());
    known.add(patient);
    doorOf.put(patient, random.nextDouble() < httpShare ? "http" : "kafka");
    return patient;
  }

  private Sent send(Traffic.Patient patient, String kind, Bundle bundle, boolean valid)
      throws Exception {
    String json = codec.write(bundle, MedcomFormat.JSON);
    Transmission transmission =
        new Transmission(
            doorOf.get(patient), patient.department().sor(), patient.department().gln(), json);
    Sent sent =
        new Sent(
            new MedcomMessage(bundle).messageHeaderId(),
            kind,
            transmission.door(),
            valid,
            System.currentTimeMillis());
    transmit(transmission, sent);
    if (valid && resendable.size() < 1000) {
      resendable.add(transmission);
    }
    return sent;
  }

  private void transmit(Transmission t, Sent sent) throws Exception {
    if (t.door().equals("kafka")) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(Topics.inboundFrom(t.senderGln()), t.senderGln(), t.json());
      record
          .headers()
          .add("content-type", "application/fhir+json".getBytes(StandardCharsets.UTF_8));
      producer.send(record);
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(referralUrl + "/fhir/$process-message"))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + tokens.forOrganisation(t.senderSor()))
            .POST(HttpRequest.BodyPublishers.ofString(t.json(), StandardCharsets.UTF_8))
            .build();
    inFlight.acquire();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              inFlight.release();
              if (failure != null || response.statusCode() >= 500) {
                httpFailures.incrementAndGet();
              } else if (sent != null) {
                sent.answeredAt = System.currentTimeMillis();
              }
            });
  }

  // ------------------------------------------------------------------ following the letters

  /**
   * Waits until every measured letter's delivery is acknowledged (or the settle time is over) and
   * returns, per letter id, the stored times: [0] received, [1] message event published, [2] course
   * event published, [3] course fact recorded, [4] delivery stored, [5] acknowledged.
   */
  private void awaitCompletion(List<Sent> letters, Duration settle) throws Exception {
    List<String> ids = letters.stream().filter(l -> l.measured).map(l -> l.headerId).toList();
    long deadline = System.currentTimeMillis() + settle.toMillis();
    long done = -1;
    long lastProgress = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      long now = acknowledged(ids);
      if (now == ids.size()) {
        break;
      }
      if (now > done) {
        done = now;
        lastProgress = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - lastProgress > 60_000) {
        break; // no delivery acknowledged for a minute: the rest are not coming
      }
      Thread.sleep(2000);
    }
  }

  /**
   * Waits until no consumer group (the benchmark's own left out) lags behind its topics at two
   * polls in a row, five seconds apart, at most the settle time: a relay with an outbox left to
   * publish makes lag again between the polls. Says how long it took, or that it did not happen.
   */
  private String awaitQuiet() throws Exception {
    long start = System.currentTimeMillis();
    long deadline = start + settleSeconds * 1000L;
    boolean caughtUpBefore = false;
    while (System.currentTimeMillis() < deadline) {
      long lag =
          ConsumerLag.byGroup(bootstrap, "stafet-bench").values().stream()
              .mapToLong(Long::longValue)
              .sum();
      if (lag == 0 && caughtUpBefore) {
        return "after " + (System.currentTimeMillis() - start) / 1000 + " s";
      }
      caughtUpBefore = lag == 0;
      Thread.sleep(5000);
    }
    return "not within " + settleSeconds + " s (measured anyway)";
  }

  /**
   * How many of the letters' hub deliveries the recipients have acknowledged: one index look-up per
   * letter, so that polling while the system works costs PostgreSQL next to nothing (the hop times
   * of {@link #stored}, which scan the outbox, were a quarter of PostgreSQL's time in the window
   * whose CPU is measured; session 17, pg_stat_statements).
   */
  private long acknowledged(List<String> ids) throws Exception {
    try (Connection c = db("notification");
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM outgoing_message WHERE origin = 'HUB_DELIVERY' "
                    + "AND acknowledged_at IS NOT NULL AND message_header_id = ANY(?)")) {
      q.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Map<String, long[]> stored(List<String> ids) throws Exception {
    Map<String, long[]> times = new HashMap<>();
    ids.forEach(id -> times.put(id, new long[6]));
    Map<String, String> courseEventOf = new HashMap<>(); // course event id -> letter id
    try (Connection c = db("referral")) {
      Array array = c.createArrayOf("text", ids.toArray());
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT message_header_id, received_at FROM received_message WHERE message_header_id = ANY(?)")) {
        q.setArray(1, array);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            times.get(rs.getString(1))[0] = millis(rs.getTimestamp(2));
          }
        }
      }
      long since = times.values().stream().mapToLong(t -> t[0]).filter(t -> t > 0).min().orElse(0);
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT event_id, topic, left(payload, 600), published_at FROM outbox_event "
                  + "WHERE created_at >= ? AND topic IN ('stafet.course-events', 'stafet.medcom-message-events')")) {
        q.setTimestamp(1, new Timestamp(since - 1000));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            boolean course = rs.getString(2).equals("stafet.course-events");
            Matcher m = (course ? SOURCE_ID : HEADER_ID).matcher(rs.getString(3));
            if (m.find() && times.containsKey(m.group(1))) {
              long[] t = times.get(m.group(1));
              t[course ? 2 : 1] = millis(rs.getTimestamp(4));
              if (course) {
                courseEventOf.put(rs.getString(1), m.group(1));
              }
            }
          }
        }
      }
    }
    if (!courseEventOf.isEmpty()) {
      try (Connection c = db("responsibility");
          PreparedStatement q =
              c.prepareStatement(
                  "SELECT event_id::text, recorded_at FROM course_fact WHERE event_id = ANY(?::uuid[])")) {
        q.setArray(1, c.createArrayOf("text", courseEventOf.keySet().toArray()));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            times.get(courseEventOf.get(rs.getString(1)))[3] = millis(rs.getTimestamp(2));
          }
        }
      }
    }
    try (Connection c = db("notification");
        PreparedStatement q =
            c.prepareStatement(
                "SELECT message_header_id, created_at, acknowledged_at FROM outgoing_message "
                    + "WHERE origin = 'HUB_DELIVERY' AND message_header_id = ANY(?)")) {
      q.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long[] t = times.get(rs.getString(1));
          t[4] = millis(rs.getTimestamp(2));
          t[5] = millis(rs.getTimestamp(3));
        }
      }
    }
    return times;
  }

  private record Hops(
      List<Long> frontDoor,
      List<Long> relay,
      List<Long> delivery,
      List<Long> ackLoop,
      List<Long> ledger,
      List<Long> overall) {}

  private static Hops hops(List<Sent> letters, Map<String, long[]> times) {
    Hops h =
        new Hops(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    for (Sent letter : letters) {
      long[] t = letter.measured ? times.get(letter.headerId) : null;
      if (t == null) {
        continue;
      }
      add(h.frontDoor, letter.sentAt, t[0]);
      add(h.relay, t[0], t[1]);
      add(h.delivery, t[1], t[4]);
      add(h.ackLoop, t[4], t[5]);
      add(h.ledger, t[2], t[3]);
      add(h.overall, letter.sentAt, t[5]);
    }
    return h;
  }

  private static void add(List<Long> hop, long from, long to) {
    if (from > 0 && to > 0) {
      hop.add(Math.max(0, to - from));
    }
  }

  private static String triple(List<Long> values) {
    if (values.isEmpty()) {
      return "–";
    }
    return String.format(
        Locale.ROOT,
        "%.0f / %.0f / %.0f",
        percentile(values, 50),
        percentile(values, 95),
        percentile(values, 99));
  }

  private static double percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  // ------------------------------------------------------------------ processes

  private Map<String, Double> cpuSeconds() throws Exception {
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (String service : SERVICES) {
      pid(service).ifPresent(pid -> cpu.put(service, ProcessUsage.cpuSeconds(pid, false)));
    }
    pid("kafka").ifPresent(pid -> cpu.put("kafka", ProcessUsage.cpuSeconds(pid, false)));
    postmaster().ifPresent(pid -> cpu.put("postgresql", ProcessUsage.cpuSeconds(pid, true)));
    cpu.put("benchmark client", ProcessUsage.cpuSeconds(ProcessHandle.current().pid(), false));
    return cpu;
  }

  /** The JIT compiler's share of each JVM's CPU seconds so far (ProcessUsage.jitCpuSeconds). */
  private Map<String, Double> jitSeconds() throws Exception {
    Map<String, Double> jit = new LinkedHashMap<>();
    for (String service : SERVICES) {
      pid(service).ifPresent(pid -> jit.put(service, ProcessUsage.jitCpuSeconds(pid)));
    }
    pid("kafka").ifPresent(pid -> jit.put("kafka", ProcessUsage.jitCpuSeconds(pid)));
    return jit;
  }

  private String memory() throws Exception {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < SERVICES.length; i++) {
      String service = SERVICES[i];
      var pid = pid(service);
      s.append(
          String.format(
              Locale.ROOT,
              "%s heap %s MiB, RSS %.0f MiB; ",
              service,
              heapMiB(PORTS[i]),
              pid.map(p -> ProcessUsage.rssMiB(p, false)).orElse(0.0)));
    }
    pid("kafka")
        .ifPresent(
            p ->
                s.append(
                    String.format(
                        Locale.ROOT, "kafka RSS %.0f MiB; ", ProcessUsage.rssMiB(p, false))));
    postmaster()
        .ifPresent(
            p ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "postgresql RSS %.0f MiB (all its processes)",
                        ProcessUsage.rssMiB(p, true))));
    return s.toString();
  }

  /** The heap in use from the service's Micrometer metrics ({@code jvm_memory_used_bytes}). */
  private String heapMiB(int port) {
    try {
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      double bytes = 0;
      for (String line : metrics.body().split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return String.format(Locale.ROOT, "%.0f", bytes / (1 << 20));
    } catch (Exception e) {
      return "?";
    }
  }

  private java.util.Optional<Long> pid(String name) {
    try {
      return java.util.Optional.of(
          Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).trim()));
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }

  private java.util.Optional<Long> postmaster() {
    String pidFile = prop("bench.postgres.pidfile", "");
    if (!pidFile.isEmpty()) {
      try {
        return java.util.Optional.of(
            Long.parseLong(Files.readAllLines(Path.of(pidFile)).get(0).trim()));
      } catch (Exception e) {
        return java.util.Optional.empty();
      }
    }
    try (Connection c = db("referral");
        ResultSet rs = c.createStatement().executeQuery("SHOW data_directory")) {
      rs.next();
      String first = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0);
      return java.util.Optional.of(Long.parseLong(first.trim()));
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }

  private Connection db(String name) throws Exception {
    return DriverManager.getConnection(jdbcBase + name, dbUser, dbPassword);
  }

  private static long millis(Timestamp t) {
    return t == null ? 0 : t.getTime();
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static void out(StringBuilder report, String line) {
    System.out.println(line);
    report.append(line).append('\n');
  }

  private static String prop(String name, String fallback) {
    return System.getProperty(name, fallback);
  }
}
