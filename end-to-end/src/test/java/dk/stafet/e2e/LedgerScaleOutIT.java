package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.testsupport.KafkaBroker;
import dk.stafet.testsupport.PostgresResource;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out of the ledger (issue 11, docs/performance.md "Scale-out"): two responsibility-service
 * processes in one consumer group on one database share {@code stafet.course-events}'s partitions,
 * the first with two consumers of its own ({@code STAFET_EVENT_CONSUMERS=2}, as the manifests run
 * every replica), the second with one. Each patient's facts (key = the patient's pseudonym) reach
 * one consumer in the order they were sent; when the second member stops, the first member's two
 * consumers take over its partitions and the patients' later facts follow their earlier ones. The
 * rates of the two members and then of the first alone, each on fresh patients after a warm-up, are
 * printed (measured here, not asserted: a benchmark run uses {@code -Dstafet.scaleout.patients=N}).
 */
class LedgerScaleOutIT {

  private static final int PARTITIONS = 4;
  private static final int PATIENTS_PER_PARTITION =
      Integer.getInteger("stafet.scaleout.patients", 40) / PARTITIONS;
  private static final String GROUP = "responsibility-service";

  /** Consumers of the channel in each member: the first runs two side by side, as replicas do. */
  private static final int[] CONSUMERS_OF_MEMBER = {2, 1};

  /** Facts per patient in a phase: the listed GP, then admissions and discharges. */
  private static final int FACTS = 12;

  private static final String GP = "999000000018016"; // GP_AABYHOEJ in contracts' registry
  private static final String[] WARDS = {"999000000003016", "999000000007016"};
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final List<ServiceProcess> LEDGERS = new ArrayList<>();
  private static KafkaBroker broker;
  private static DevIssuer issuer;
  private static String[] database;

  /** Each patient's facts in the order they were sent. */
  private final Map<String, List<CourseEvent>> sent = new LinkedHashMap<>();

  /** Patients numbered over all phases: distinct CPR numbers and course times. */
  private final Map<String, Integer> number = new HashMap<>();

  @BeforeAll
  static void startTwoLedgers() throws Exception {
    Path root = Path.of(System.getProperty("stafet.e2e.root", "..")).toAbsolutePath().normalize();
    Path shared =
        Path.of(System.getProperty("stafet.shared.dir", "../../shared"))
            .toAbsolutePath()
            .normalize();
    Path logs =
        Path.of(System.getProperty("stafet.e2e.logs", "target/e2e-logs"))
            .toAbsolutePath()
            .normalize()
            .resolve("scale-out");
    // A broker of its own: the course-events topic must have several partitions from the start.
    broker = KafkaBroker.start("process");
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(Topics.COURSE_EVENTS, PARTITIONS, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
    String secret = "e2e-scale-out-" + UUID.randomUUID();
    issuer = ServiceProcess.startIssuer(secret);
    database = PostgresResource.newDatabase();
    Map<String, String> env =
        ServiceProcess.backendEnvironment(
            database, broker.bootstrapServers(), shared, secret, issuer);
    for (int member = 1; member <= 2; member++) {
      Map<String, String> memberEnv = new HashMap<>(env);
      memberEnv.put("STAFET_EVENT_CONSUMERS", String.valueOf(CONSUMERS_OF_MEMBER[member - 1]));
      LEDGERS.add(
          ServiceProcess.start(
              root, "responsibility-service", logs.resolve("member-" + member), memberEnv));
    }
    LEDGERS.forEach(ledger -> ledger.awaitReady(HTTP));
  }

  @AfterAll
  static void stop() {
    ServiceProcess.stopAll(LEDGERS);
    if (broker != null) {
      broker.close();
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void twoMembersShareThePartitionsKeepEachPatientsOrderAndOneTakesOverWhenTheOtherStops()
      throws Exception {
    Map<String, Set<TopicPartition>> assignment =
        awaitConsumers(CONSUMERS_OF_MEMBER[0] + CONSUMERS_OF_MEMBER[1]);
    assertTrue(
        assignment.values().stream().noneMatch(Set::isEmpty),
        "each consumer owns partitions: " + assignment);

    // Warm-up (JIT, pools, caches), then the same work for fresh patients with two members and,
    // after the second member stopped, with one.
    List<String> warmUp = patientsSpreadOverThePartitions();
    sendAndDrain(warmUp, 0, FACTS);
    List<String> measuredWithTwo = patientsSpreadOverThePartitions();
    long twoMembers = sendAndDrain(measuredWithTwo, 0, FACTS);
    assertEachPatientsFactsInSendingOrder();
    assertEveryPartitionConsumed();

    ServiceProcess leaving = LEDGERS.get(1);
    leaving.terminate();
    assertNotNull(leaving.awaitExit(Duration.ofSeconds(60)), "member 2 still runs after SIGTERM");
    // The remaining member's two consumers own every partition between them.
    awaitConsumers(CONSUMERS_OF_MEMBER[0]);

    List<String> measuredWithOne = patientsSpreadOverThePartitions();
    long oneMember = sendAndDrain(measuredWithOne, 0, FACTS);
    // The patients of the first phases go on: their later facts follow their earlier ones, also
    // where the earlier ones were stored by the member that left.
    List<String> earlier = new ArrayList<>(warmUp);
    earlier.addAll(measuredWithTwo);
    sendAndDrain(earlier, FACTS, 4);
    assertEachPatientsFactsInSendingOrder();
    assertEveryPartitionConsumed();

    int events = measuredWithTwo.size() * FACTS;
    System.out.printf(
        "[scale-out] %d patients over %d partitions, %d facts per phase after a warm-up of as many:"
            + " two members (%d consumers) stored them in %d ms (%.0f facts/s), one member (%d"
            + " consumers) in %d ms (%.0f facts/s)%n",
        measuredWithTwo.size(),
        PARTITIONS,
        events,
        CONSUMERS_OF_MEMBER[0] + CONSUMERS_OF_MEMBER[1],
        twoMembers,
        events * 1000.0 / twoMembers,
        CONSUMERS_OF_MEMBER[0],
        oneMember,
        events * 1000.0 / oneMember);
  }

  /** Patient keys, as many on each partition, so that each member has patients to work on. */
  private List<String> patientsSpreadOverThePartitions() {
    Map<Integer, List<String>> byPartition = new HashMap<>();
    while (byPartition.values().stream().mapToInt(List::size).sum()
        < PARTITIONS * PATIENTS_PER_PARTITION) {
      String key = "p-" + UUID.randomUUID().toString().replace("-", "");
      int partition =
          Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      List<String> keys = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
      if (keys.size() < PATIENTS_PER_PARTITION) {
        keys.add(key);
      }
    }
    List<String> keys = byPartition.values().stream().flatMap(List::stream).toList();
    keys.forEach(key -> number.put(key, number.size()));
    return keys;
  }

  /**
   * Sends facts {@code from}…{@code from + count - 1} of every patient's course, interleaved over
   * the patients as traffic interleaves them, and waits until the ledger has stored all facts sent
   * so far; returns the milliseconds from the first send to the last fact stored.
   */
  private long sendAndDrain(List<String> patients, int from, int count) throws Exception {
    long t0 = System.nanoTime();
    try (KafkaProducer<String, String> producer = producer()) {
      for (int n = from; n < from + count; n++) {
        for (int p = 0; p < patients.size(); p++) {
          CourseEvent event = fact(patients.get(p), number.get(patients.get(p)), n);
          sent.computeIfAbsent(event.patientKey(), k -> new ArrayList<>()).add(event);
          ProducerRecord<String, String> record =
              new ProducerRecord<>(
                  Topics.COURSE_EVENTS, event.patientKey(), EventJson.write(event));
          record
              .headers()
              .add("ce_id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
          producer.send(record);
        }
      }
      producer.flush();
    }
    long expected = sent.values().stream().mapToLong(List::size).sum();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    long stored;
    while ((stored = storedFacts()) < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertEquals(expected, stored, "facts stored by the ledger (see " + logsHint() + ")");
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  /**
   * The n-th fact of a patient's course: the listed GP first, then admissions and discharges
   * alternating, a day apart, in the order of sending.
   */
  private static CourseEvent fact(String patientKey, int patient, int n) {
    Instant at = START.plus(Duration.ofMinutes(patient)).plus(Duration.ofDays(n));
    String cpr =
        String.format("%02d%02d50%04d", 1 + patient % 28, 1 + patient % 12, patient % 10000);
    String stay = "stay-" + ((n - 1) / 2);
    String ward = WARDS[patient % WARDS.length];
    if (n == 0) {
      return CourseEvent.recordedNow(
          CourseEventType.LISTED_GP_REGISTERED, patientKey, cpr, at, null, GP, null, Map.of());
    }
    if (n % 2 == 1) {
      return CourseEvent.recordedNow(
          CourseEventType.ADMISSION_STARTED,
          patientKey,
          cpr,
          at,
          stay,
          ward,
          null,
          Map.of("encounterClass", "IMP", "hnCode", "STIN", "episodeOfCareId", stay));
    }
    return CourseEvent.recordedNow(
        CourseEventType.DISCHARGED,
        patientKey,
        cpr,
        at,
        stay,
        ward,
        null,
        Map.of("hnCode", "SLHJ"));
  }

  /** The order in which the ledger stored each patient's facts is the order they were sent. */
  private void assertEachPatientsFactsInSendingOrder() throws Exception {
    Map<String, List<String>> stored = new HashMap<>();
    try (Connection c = DriverManager.getConnection(database[0], database[1], database[2]);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT patient_key, event_id::text FROM course_fact WHERE patient_key = ANY(?)"
                    + " ORDER BY seq")) {
      q.setArray(1, c.createArrayOf("text", sent.keySet().toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    sent.forEach(
        (patient, facts) ->
            assertEquals(
                facts.stream().map(f -> f.eventId().toString()).toList(),
                stored.get(patient),
                "facts of " + patient + " in the order sent"));
  }

  private long storedFacts() throws Exception {
    try (Connection c = DriverManager.getConnection(database[0], database[1], database[2]);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM course_fact")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Every partition's committed offset reaches its end: each member did its share, and committed
   * only what it stored (the commit is throttled, so this is waited for).
   */
  private static void assertEveryPartitionConsumed() throws Exception {
    try (Admin admin = admin()) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      Map<TopicPartition, Long> lag;
      do {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
          latest.put(
              new TopicPartition(Topics.COURSE_EVENTS, p),
              org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        lag = new HashMap<>();
        for (var end : ends.entrySet()) {
          OffsetAndMetadata at = committed.get(end.getKey());
          long behind = end.getValue().offset() - (at == null ? 0 : at.offset());
          if (behind > 0) {
            lag.put(end.getKey(), behind);
          }
        }
        if (!lag.isEmpty()) {
          Thread.sleep(500);
        }
      } while (!lag.isEmpty() && Instant.now().isBefore(deadline));
      assertTrue(lag.isEmpty(), "partitions not consumed to their end: " + lag);
    }
  }

  /**
   * Waits until the group has {@code consumers} consumers, each with partitions assigned to it, and
   * every partition assigned.
   */
  private static Map<String, Set<TopicPartition>> awaitConsumers(int consumers) throws Exception {
    try (Admin admin = admin()) {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      Map<String, Set<TopicPartition>> assignment = Map.of();
      while (Instant.now().isBefore(deadline)) {
        ConsumerGroupDescription group =
            admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
        assignment =
            group.members().stream()
                .collect(
                    Collectors.toMap(
                        MemberDescription::consumerId,
                        m ->
                            m.assignment().topicPartitions().stream()
                                .filter(tp -> tp.topic().equals(Topics.COURSE_EVENTS))
                                .collect(Collectors.toSet())));
        long withPartitions = assignment.values().stream().filter(s -> !s.isEmpty()).count();
        int assigned = assignment.values().stream().mapToInt(Set::size).sum();
        if (assignment.size() == consumers
            && withPartitions == consumers
            && assigned == PARTITIONS) {
          return assignment;
        }
        Thread.sleep(500);
      }
      throw new AssertionError(
          "the group never settled on "
              + consumers
              + " consumer(s) sharing all partitions: "
              + assignment);
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new StringSerializer());
  }

  private static String logsHint() {
    return LEDGERS.stream().map(l -> l.log().toString()).collect(Collectors.joining(", "));
  }
}
