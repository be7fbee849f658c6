package dk.stafet.tools.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.tools.ConsumerLag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Proves from the services' databases and the topics, once the system has settled, what the chaos
 * run did: every letter answered as MedCom requires (valid: ok, invalid: fatal-error, every answer
 * to a letter the same); each valid letter applied exactly once (referral-service's history, the
 * hub delivery, the ledger's facts) and each REST command once; every delivery acknowledged or
 * dead-lettered by the rules; no event left in an outbox; no consumer lag; no record parked in a
 * dead-letter topic since the run began; every patient of the run with exactly one
 * patient-responsible doctor or an alarmed gap; every invalid letter in the quarantine. Prints one
 * summary line and exits 1 on any loss, duplicate or parked record. {@code ./stafet chaos-check};
 * docs/reliability.md.
 */
public final class ChaosCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MedcomCodec CODEC = new MedcomCodec();

  /** Where the databases and the broker are. */
  public record Target(
      String jdbcBase,
      String user,
      String password,
      String referralDb,
      String responsibilityDb,
      String notificationDb,
      String kafkaBootstrap) {

    static Target fromEnvironment(Map<String, String> env) {
      return new Target(
          env.getOrDefault("CHAOS_JDBC_BASE", "jdbc:postgresql://127.0.0.1:5432/"),
          env.getOrDefault("CHAOS_DB_USER", "stafet"),
          env.getOrDefault("CHAOS_DB_PASSWORD", "stafet"),
          env.getOrDefault("CHAOS_DB_REFERRAL", "referral"),
          env.getOrDefault("CHAOS_DB_RESPONSIBILITY", "responsibility"),
          env.getOrDefault("CHAOS_DB_NOTIFICATION", "notification"),
          env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }
  }

  /** The outcome: the counts of the summary line and every finding behind a non-zero one. */
  public record Result(
      long sent,
      long acknowledged,
      long applied,
      long duplicatesSuppressed,
      long lost,
      long duplicated,
      long parked,
      long faults,
      List<String> findings) {

    public boolean passed() {
      return lost == 0 && duplicated == 0 && parked == 0;
    }

    public String summaryLine() {
      return "chaos: sent="
          + sent
          + " acknowledged="
          + acknowledged
          + " applied="
          + applied
          + " duplicates-suppressed="
          + duplicatesSuppressed
          + " lost="
          + lost
          + " duplicated="
          + duplicated
          + " parked="
          + parked
          + " faults="
          + faults;
    }
  }

  private final Target target;
  private final JsonNode run;
  private final List<String> findings = new ArrayList<>();
  private long lost;
  private long duplicated;
  private long parked;
  private long applied;

  public ChaosCheck(Target target, JsonNode run) {
    this.target = target;
    this.run = run;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path runFile =
        Path.of(
            args.length > 0
                ? args[0]
                : env.getOrDefault("CHAOS_RUN_FILE", ".stafet/chaos/run.json"));
    Duration settle = Duration.parse(env.getOrDefault("CHAOS_SETTLE", "PT10M"));
    ChaosCheck check = new ChaosCheck(Target.fromEnvironment(env), JSON.readTree(runFile.toFile()));
    Result result = check.settleAndCheck(settle);
    result.findings().forEach(f -> System.out.println("  " + f));
    System.out.println(result.summaryLine());
    System.exit(result.passed() ? 0 : 1);
  }

  /**
   * Waits until the outboxes are empty, no group lags and no delivery waits (at most {@code
   * settle}), then checks.
   */
  public Result settleAndCheck(Duration settle) throws Exception {
    Instant until = Instant.now().plus(settle);
    String pending;
    while ((pending = unsettled()) != null && Instant.now().isBefore(until)) {
      ChaosRun.log("chaos-check: waiting for the system to settle (%s)", pending);
      Thread.sleep(5000);
    }
    if (pending != null) {
      findings.add("not settled after " + settle.toMinutes() + " min: " + pending);
    }
    return check();
  }

  /** What still moves, or null when nothing does. */
  private String unsettled() {
    try {
      long outbox = unpublishedOutboxEvents();
      if (outbox > 0) {
        return outbox + " outbox event(s) unsent";
      }
      long lag = consumerLag().values().stream().mapToLong(Long::longValue).sum();
      if (lag > 0) {
        return "consumer lag " + lag;
      }
      long waiting = waitingDeliveries();
      if (waiting > 0) {
        return waiting + " delivery(ies) waiting for an acknowledgement";
      }
      return null;
    } catch (Exception e) {
      return "cannot look (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  Result check() throws Exception {
    Map<String, JsonNode> letters = new HashMap<>();
    run.path("letters").forEach(l -> letters.put(l.path("id").asText(), l));
    long acknowledged = 0;
    long suppressed = 0;
    Map<String, Object[]> received =
        rows(
            target.referralDb(),
            "SELECT message_header_id, outcome, ack_code, times_received FROM received_message WHERE message_header_id = ANY(?)",
            letters.keySet());
    Map<String, Object[]> transitions =
        rows(
            target.referralDb(),
            "SELECT source_message_id, count(*) FROM course_transition WHERE source_message_id = ANY(?) GROUP BY source_message_id",
            letters.keySet());
    Map<String, Object[]> quarantined =
        rows(
            target.referralDb(),
            "SELECT message_header_id, count(*) FROM quarantined_input WHERE message_header_id = ANY(?) GROUP BY message_header_id",
            letters.keySet());
    Map<String, Object[]> deliveries =
        rows(
            target.notificationDb(),
            "SELECT message_header_id, state, attempts FROM outgoing_message WHERE message_header_id = ANY(?)",
            letters.keySet());
    Map<String, List<String[]>> kafkaAcks = acknowledgementsOnTopics(letters.values());
    Map<String, Long> deliveryStates = new TreeMap<>();
    long redeliveredAcks = 0;

    for (JsonNode l : letters.values()) {
      String id = l.path("id").asText();
      boolean valid = l.path("valid").asBoolean();
      String expected = valid ? "ok" : "fatal-error";
      String what =
          (valid ? "" : "invalid ")
              + l.path("code").asText()
              + " "
              + id
              + " ("
              + l.path("door").asText()
              + ")";
      List<String> answers = new ArrayList<>();
      l.path("answers").forEach(a -> answers.add(a.asText()));
      boolean answered = answers.stream().anyMatch(a -> !"transient-error".equals(a));
      if (answered) {
        acknowledged++;
      }
      Object[] stored = received.get(id);
      if (stored == null) {
        lose(
            what
                + ": not stored by the front door"
                + (answered ? " although answered " + answers : ""));
        continue;
      }
      String outcome = (String) stored[1];
      suppressed += ((Number) stored[3]).longValue() - 1;
      if (!expected.equals(stored[2])) {
        lose(what + ": stored as " + outcome + "/" + stored[2] + ", expected " + expected);
      }
      if (!answered) {
        lose(what + ": the sender never got a final answer " + answers);
      }
      for (String answer : answers) {
        if (!"transient-error".equals(answer) && !expected.equals(answer)) {
          lose(what + ": answered " + answer + ", expected " + expected + " every time " + answers);
          break;
        }
      }
      // Acknowledgements on the sender's topic: one per envelope at most (byte-identical copies are
      // redeliveries).
      List<String[]> onTopic = kafkaAcks.getOrDefault(id, List.of());
      Set<String> ackEnvelopes = onTopic.stream().map(a -> a[0]).collect(Collectors.toSet());
      redeliveredAcks += onTopic.size() - ackEnvelopes.size();
      Set<String> envelopes = new HashSet<>();
      l.path("envelopes").forEach(e -> envelopes.add(e.asText()));
      long kafkaEnvelopes = "KAFKA".equals(l.path("door").asText()) ? envelopes.size() : 0;
      if (ackEnvelopes.size() > kafkaEnvelopes) {
        duplicated += ackEnvelopes.size() - kafkaEnvelopes;
        findings.add(
            "DUPLICATED "
                + what
                + ": "
                + ackEnvelopes.size()
                + " acknowledgements on the topic for "
                + kafkaEnvelopes
                + " envelope(s) sent over Kafka");
      }
      for (String[] ack : onTopic) {
        if (!"transient-error".equals(ack[1]) && !expected.equals(ack[1])) {
          lose(what + ": acknowledged " + ack[1] + " on the topic, expected " + expected);
        }
      }
      if (!valid) {
        if (!quarantined.containsKey(id)) {
          lose(what + ": not in the quarantine");
        } else {
          applied++;
        }
        continue;
      }
      // The effects of a valid letter: one history entry (HospitalNotifications), one hub delivery,
      // acknowledged.
      if ("HOSPITAL_NOTIFICATION".equals(l.path("kind").asText())) {
        long n = transitions.containsKey(id) ? ((Number) transitions.get(id)[1]).longValue() : 0;
        if (n == 0) {
          lose(what + ": no course history entry");
          continue;
        }
        if (n > 1) {
          duplicated += n - 1;
          findings.add("DUPLICATED " + what + ": " + n + " course history entries");
          continue;
        }
      }
      Object[] delivery = deliveries.get(id);
      if (delivery == null) {
        lose(what + ": never delivered to " + l.path("receiverGln").asText());
        continue;
      }
      String state = (String) delivery[1];
      deliveryStates.merge(state, 1L, Long::sum);
      if ("SENT".equals(state)) {
        lose(what + ": delivered but never acknowledged (attempts " + delivery[2] + ")");
        continue;
      }
      applied++;
    }
    if (redeliveredAcks > 0) {
      findings.add(
          redeliveredAcks
              + " acknowledgement(s) on the topics twice with the same Bundle.id (the outbox relay's "
              + "at-least-once: a receiver drops them as redeliveries, medcom-spec §5)");
    }
    findings.add("hub deliveries of the run's letters by state: " + deliveryStates);
    checkAllDeliveries();
    checkRestFacts();
    checkLedger();
    checkOutboxesLagAndDeadLetters();
    List<String> sorted = new ArrayList<>(findings);
    return new Result(
        letters.size(),
        acknowledged,
        applied,
        suppressed,
        lost,
        duplicated,
        parked,
        run.path("faults").size(),
        sorted);
  }

  /**
   * Every message notification-service sent since the run began (its own notifications too, not
   * only the hub deliveries of the run's letters): acknowledged, delivered where no acknowledgement
   * is expected, or dead-lettered and escalated by the delivery rules (shown to coordinators) —
   * none still waiting once the system has settled.
   */
  private void checkAllDeliveries() throws SQLException {
    Map<String, Long> byState = new TreeMap<>();
    try (Connection c = connect(target.notificationDb());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT origin || '/' || state, count(*) FROM outgoing_message WHERE created_at >= ? GROUP BY 1")) {
      s.setTimestamp(1, java.sql.Timestamp.from(Instant.parse(run.path("begin").asText())));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byState.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    findings.add(
        "all messages sent by notification-service during the run, by origin/state: " + byState);
    byState.forEach(
        (state, n) -> {
          if (state.endsWith("/SENT")) {
            lost += n;
            findings.add("LOST " + n + " " + state + " message(s) never acknowledged");
          }
        });
  }

  private void lose(String finding) {
    lost++;
    findings.add("LOST " + finding);
  }

  /**
   * Listed-GP registrations: one published fact per patient; handovers: at most one per proposal
   * answered.
   */
  private void checkRestFacts() throws SQLException {
    Map<String, Long> registrations = new HashMap<>();
    Map<String, Long> proposals = new HashMap<>();
    Set<String> accepted = new HashSet<>();
    for (JsonNode r : run.path("rest")) {
      int status = r.path("status").asInt();
      String key = r.path("patientKey").asText(null);
      if (status < 200 || status >= 300 || key == null) {
        continue;
      }
      switch (r.path("kind").asText()) {
        case "LISTED_GP" -> registrations.merge(key, 1L, Long::sum);
        case "HANDOVER_PROPOSED" -> proposals.merge(key, 1L, Long::sum);
        case "HANDOVER_ACCEPTED" -> accepted.add(key);
        default -> {}
      }
    }
    Map<String, Object[]> published =
        rows(
            target.referralDb(),
            "SELECT partition_key, count(*) FROM outbox_event "
                + "WHERE event_type = 'dk.stafet.course.listed-gp-registered' AND partition_key = ANY(?) GROUP BY partition_key",
            registrations.keySet());
    for (String key : registrations.keySet()) {
      long n = published.containsKey(key) ? ((Number) published.get(key)[1]).longValue() : 0;
      if (n == 0) {
        lose("listed-GP registration of " + key + ": no course fact published");
      } else if (n > 1) {
        duplicated += n - 1;
        findings.add("DUPLICATED listed-GP registration of " + key + ": " + n + " facts");
      } else {
        applied++;
      }
    }
    Map<String, Object[]> handovers =
        rows(
            target.responsibilityDb(),
            "SELECT patient_key, count(*), "
                + "count(*) FILTER (WHERE state = 'ACCEPTED') FROM handover WHERE patient_key = ANY(?) GROUP BY patient_key",
            proposals.keySet());
    for (Map.Entry<String, Long> p : proposals.entrySet()) {
      Object[] row = handovers.get(p.getKey());
      long n = row == null ? 0 : ((Number) row[1]).longValue();
      if (n < p.getValue()) {
        lose("handover of " + p.getKey() + ": proposal answered but not stored");
      } else if (n > p.getValue()) {
        duplicated += n - p.getValue();
        findings.add(
            "DUPLICATED handover of "
                + p.getKey()
                + ": "
                + n
                + " handovers for "
                + p.getValue()
                + " proposal(s)");
      } else if (accepted.contains(p.getKey()) && ((Number) row[2]).longValue() != 1) {
        lose(
            "handover of " + p.getKey() + ": acceptance answered but the handover is not ACCEPTED");
      } else {
        applied++;
      }
    }
  }

  /**
   * Every course event referral-service published for the run's patients is a fact in the ledger
   * (or parked, which the dead-letter check counts); each patient has exactly one current open
   * ledger entry, naming a holder, an alarm, or the patient's death (R20).
   */
  private void checkLedger() throws SQLException {
    Set<String> keys = new HashSet<>();
    for (JsonNode r : run.path("rest")) {
      if ("LISTED_GP".equals(r.path("kind").asText()) && r.hasNonNull("patientKey")) {
        keys.add(r.path("patientKey").asText());
      }
    }
    Map<String, Object[]> events =
        rows(
            target.referralDb(),
            "SELECT event_id::text, partition_key FROM outbox_event "
                + "WHERE topic = 'stafet.course-events' AND partition_key = ANY(?)",
            keys);
    Map<String, Object[]> facts =
        rows(
            target.responsibilityDb(),
            "SELECT event_id::text, patient_key FROM course_fact WHERE patient_key = ANY(?)",
            keys);
    long missing = events.keySet().stream().filter(id -> !facts.containsKey(id)).count();
    if (missing > 0) {
      findings.add(
          "course events of the run not in the ledger: " + missing + " (lost unless parked below)");
      lost += Math.max(0, missing - parkedCourseEvents(events.keySet()));
    }
    Map<String, Object[]> current =
        rows(
            target.responsibilityDb(),
            """
        SELECT e.patient_key, count(*),
               count(*) FILTER (WHERE e.holder_sor IS NOT NULL OR e.alarm IS NOT NULL OR e.rule_id = 'R20')
          FROM ledger_entry e
         WHERE e.patient_key = ANY(?) AND e.valid_to IS NULL
           AND NOT EXISTS (SELECT 1 FROM ledger_correction c WHERE c.patient_key = e.patient_key AND c.corrects_entry = e.entry_no)
         GROUP BY e.patient_key""",
            keys);
    long withoutDoctor = 0;
    for (String key : keys) {
      Object[] row = current.get(key);
      if (row == null || ((Number) row[1]).longValue() != 1 || ((Number) row[2]).longValue() != 1) {
        withoutDoctor++;
        if (withoutDoctor <= 10) {
          findings.add(
              "LOST patient "
                  + key
                  + ": "
                  + (row == null
                      ? "no current ledger entry"
                      : row[1]
                          + " current open entries, "
                          + row[2]
                          + " with a holder, alarm or death"));
        }
      }
    }
    lost += withoutDoctor;
    findings.add(
        "patients of the run with exactly one patient-responsible doctor or an alarmed gap: "
            + (keys.size() - withoutDoctor)
            + " of "
            + keys.size());
  }

  private Set<String> parkedIds = new HashSet<>();

  private long parkedCourseEvents(Set<String> eventIds) {
    return eventIds.stream().filter(parkedIds::contains).count();
  }

  private void checkOutboxesLagAndDeadLetters() throws Exception {
    long outbox = unpublishedOutboxEvents();
    if (outbox > 0) {
      lose(outbox + " event(s) left in an outbox");
    }
    Map<String, Long> lag = consumerLag();
    lag.forEach(
        (group, n) -> {
          if (n > 0) {
            lose("consumer group " + group + " lags by " + n);
          }
        });
    Instant begin = Instant.parse(run.path("begin").asText());
    try (Admin admin = admin();
        KafkaConsumer<String, String> consumer = consumer()) {
      List<String> dlqs =
          admin.listTopics().names().get().stream()
              .filter(t -> t.contains("dlq"))
              .sorted()
              .toList();
      for (String topic : dlqs) {
        forEachRecord(
            consumer,
            List.of(topic),
            record -> {
              if (record.timestamp() < begin.toEpochMilli()) {
                return; // parked before this run: not the run's to explain
              }
              parked++;
              String id = header(record, "ce_id");
              parkedIds.add(id);
              findings.add(
                  "PARKED on "
                      + topic
                      + ": "
                      + header(record, "ce_type")
                      + " "
                      + id
                      + " ("
                      + header(record, "dead-letter-reason")
                      + ")");
            });
      }
      findings.add("dead-letter topics: " + dlqs);
    }
  }

  private long unpublishedOutboxEvents() throws SQLException {
    long n = 0;
    for (String db :
        List.of(target.referralDb(), target.responsibilityDb(), target.notificationDb())) {
      try (Connection c = connect(db);
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
        rs.next();
        n += rs.getLong(1);
      }
    }
    return n;
  }

  /**
   * Messages notification-service sent since the run began that still wait for their
   * acknowledgement.
   */
  private long waitingDeliveries() throws SQLException {
    try (Connection c = connect(target.notificationDb());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM outgoing_message WHERE state = 'SENT' AND created_at >= ?")) {
      s.setTimestamp(1, java.sql.Timestamp.from(Instant.parse(run.path("begin").asText())));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Lag of every consumer group of the services (not the chaos sender's own). */
  private Map<String, Long> consumerLag() throws Exception {
    return ConsumerLag.byGroup(target.kafkaBootstrap(), "stafet-chaos");
  }

  /** letter id → [ack Bundle.id, code] for every acknowledgement on the run's senders' topics. */
  private Map<String, List<String[]>> acknowledgementsOnTopics(Collection<JsonNode> letters) {
    Set<String> topics = new HashSet<>();
    letters.forEach(l -> topics.add("medcom.outbound." + l.path("senderGln").asText()));
    Map<String, List<String[]>> acks = new HashMap<>();
    try (Admin admin = admin();
        KafkaConsumer<String, String> consumer = consumer()) {
      Set<String> existing = admin.listTopics().names().get();
      topics.retainAll(existing);
      forEachRecord(
          consumer,
          topics,
          record -> {
            try {
              MedcomMessage ack = new MedcomMessage(CODEC.parse(record.value(), (String) null));
              ack.acknowledgementResponse()
                  .ifPresent(
                      r ->
                          acks.computeIfAbsent(r.identifier(), k -> new ArrayList<>())
                              .add(new String[] {ack.bundleId(), r.code()}));
            } catch (RuntimeException notAnAcknowledgement) {
              // the department's topic carries only acknowledgements today; anything else is not
              // ours
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the acknowledgement topics", e);
    }
    return acks;
  }

  /**
   * Hands every record now on {@code topics} to {@code action}, one poll at a time: a
   * 100,000-letter run's acknowledgements do not fit in the checker's heap at once. Gives up only
   * when the broker has sent nothing for two minutes (the findings then show what is missing).
   */
  private static void forEachRecord(
      KafkaConsumer<String, String> consumer,
      Collection<String> topics,
      Consumer<ConsumerRecord<String, String>> action) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
        && Instant.now().isBefore(giveUp)) {
      var records = consumer.poll(Duration.ofMillis(500));
      if (!records.isEmpty()) {
        giveUp = Instant.now().plus(Duration.ofMinutes(2));
      }
      records.forEach(action);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Rows of {@code sql} (one array parameter: the ids) by their first column. */
  private Map<String, Object[]> rows(String db, String sql, Collection<String> ids)
      throws SQLException {
    Map<String, Object[]> rows = new HashMap<>();
    try (Connection c = connect(db);
        PreparedStatement s = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("text", ids.toArray());
      s.setArray(1, array);
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.put(String.valueOf(row[0]), row);
        }
      }
    }
    return rows;
  }

  private Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(target.jdbcBase() + db, target.user(), target.password());
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
    return Admin.create(p);
  }

  private KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  /** For the CI test: checks a run file already read. */
  public static Result settleAndCheck(Target target, JsonNode run, Duration settle)
      throws Exception {
    return new ChaosCheck(target, run).settleAndCheck(settle);
  }

  public static JsonNode read(Path runFile) throws IOException {
    return JSON.readTree(runFile.toFile());
  }
}
