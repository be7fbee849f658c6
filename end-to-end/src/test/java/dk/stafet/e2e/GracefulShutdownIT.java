package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Dying cleanly (docs/reliability.md): the front door (referral-service, run from its jar as a
 * process) gets SIGTERM while four senders post MedCom HospitalNotifications to it. Every request
 * must get either an acknowledgement (200) or a retryable answer — 503, or no answer at all
 * (connection refused or reset), which a MedCom sender retries with the same MessageHeader.id — and
 * never a 5xx for its content or a 200 for a message that was not stored. The service must exit
 * within its shutdown timeout. Then the service is started again on the same database, the
 * unanswered messages are re-sent as a sender would, and every message sent is stored exactly once.
 */
class GracefulShutdownIT {

  private static final String STIN_A =
      "medcom-examples/dk-medcom-hospitalnotification-testscripts/HospitalNotification_Ex_STIN_A.json";
  private static final String EXAMPLE_HEADER_ID = "b9b4818e-02de-4cc4-b418-d20cbc7b5404";
  private static final String EXAMPLE_BUNDLE_ID = "a5e5b880-c087-4055-b9ec-99108695f81d";
  private static final int SENDERS = 4;

  /** STIN_A's sender: the token the front door checks the Bundle's sender against. */
  private static final String SENDER_SOR =
      "265161000016000"; // ADMITTING_DEPARTMENT_SOR of HospitalNotificationEndToEndIT

  private static final List<ServiceProcess> STARTED = new ArrayList<>();
  private static DevIssuer issuer;

  @AfterAll
  static void stop() {
    ServiceProcess.stopAll(STARTED);
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void sigtermDuringTrafficAnswersEveryRequestOrLeavesItRetryableAndLosesNothing()
      throws Exception {
    Path shared =
        Path.of(System.getProperty("stafet.shared.dir", "../../shared"))
            .toAbsolutePath()
            .normalize();
    Path root = Path.of(System.getProperty("stafet.e2e.root", "..")).toAbsolutePath().normalize();
    Path logs =
        Path.of(System.getProperty("stafet.e2e.logs", "target/e2e-logs"))
            .toAbsolutePath()
            .normalize()
            .resolve("graceful-shutdown");
    String example = Files.readString(shared.resolve(STIN_A), StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String[] db = PostgresResource.newDatabase();
    String secret = "e2e-shutdown-" + UUID.randomUUID();
    issuer = ServiceProcess.startIssuer(secret);
    Map<String, String> env =
        ServiceProcess.backendEnvironment(
            db, KafkaKraftResource.bootstrapServers(), shared, secret, issuer);

    ServiceProcess first = start(root, logs.resolve("first"), env, http);
    // The patient exists before the concurrent senders start: concurrent admissions of one *new*
    // patient race to
    // create it, which is the front door's concern (docs/reliability.md), not this test's.
    String warmUp = UUID.randomUUID().toString();
    assertEquals("200 ok", post(http, first, message(example, warmUp, 0)), () -> first.tail(40));
    // id -> outcome of its last attempt: "200 <ack code>", "503", "no answer: <exception>" or
    // another status
    Map<String, String> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicBoolean terminated = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger serial =
        new java.util.concurrent.atomic.AtomicInteger();
    Map<String, String> bodies = new ConcurrentHashMap<>();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int i = 0; i < SENDERS; i++) {
      senders.submit(
          () -> {
            // Each sender goes on through the shutdown until it gets no acknowledgement; a real
            // sender would
            // then retry (below, after the restart) rather than hammer a stopping service.
            while (sending.get()) {
              String id = UUID.randomUUID().toString();
              String body = message(example, id, serial.incrementAndGet());
              bodies.put(id, body);
              String outcome = post(http, first, body);
              outcomes.put(id, outcome);
              if (terminated.get() && !outcome.startsWith("200")) {
                break;
              }
            }
            return null;
          });
    }
    // Traffic first (some answered), then SIGTERM in the middle of it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (outcomes.values().stream().filter(o -> o.startsWith("200")).count() < 8) {
      assertTrue(
          System.nanoTime() < deadline,
          () ->
              "too few acknowledgements before the SIGTERM: "
                  + outcomes.values()
                  + "\n"
                  + first.tail(40));
      ServiceProcess.sleep(100);
    }
    long t0 = System.nanoTime();
    terminated.set(true);
    first.terminate();
    Integer exit = first.awaitExit(Duration.ofSeconds(45));
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    sending.set(false);
    senders.shutdown();
    assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS), "senders did not finish");
    assertNotNull(exit, "referral-service still runs 45 s after SIGTERM; see " + first.log());

    Map<String, Long> tally = new TreeMap<>();
    outcomes
        .values()
        .forEach(o -> tally.merge(o.startsWith("no answer") ? "no answer" : o, 1L, Long::sum));
    System.out.printf(
        "[e2e] SIGTERM during traffic: %d requests, exit %d after %d ms, outcomes %s%n",
        outcomes.size(), exit, stopMillis, tally);
    for (Map.Entry<String, String> outcome : outcomes.entrySet()) {
      String o = outcome.getValue();
      assertTrue(
          o.startsWith("200 ") || o.equals("503") || o.startsWith("no answer"),
          () ->
              "message "
                  + outcome.getKey()
                  + " got "
                  + o
                  + ", neither an acknowledgement nor retryable; "
                  + first.tail(40));
    }
    List<String> acknowledged =
        outcomes.entrySet().stream()
            .filter(e -> e.getValue().startsWith("200"))
            .map(Map.Entry::getKey)
            .toList();
    List<String> unanswered =
        outcomes.entrySet().stream()
            .filter(e -> !e.getValue().startsWith("200"))
            .map(Map.Entry::getKey)
            .toList();

    // Acknowledged means stored: every one is there before anything is re-sent.
    assertEquals(
        acknowledged.size(), stored(db, acknowledged).size(), "acknowledged but not stored");

    // Back again on the same database; the sender re-sends what got no acknowledgement, with the
    // same id.
    ServiceProcess second = start(root, logs.resolve("second"), env, http);
    for (String id : unanswered) {
      String again = post(http, second, bodies.get(id)); // a retransmission: the same message
      assertTrue(
          again.startsWith("200 "), () -> "re-sent " + id + ": " + again + "\n" + second.tail(40));
    }
    Set<String> all = outcomes.keySet();
    assertEquals(
        all.size(), stored(db, List.copyOf(all)).size(), "not every message sent is stored");
    assertEquals(
        all.size(),
        count(
            db,
            "SELECT count(*) FROM received_message WHERE message_header_id = ANY (?)",
            List.copyOf(all)),
        "a message stored twice");
  }

  private static ServiceProcess start(
      Path root, Path logs, Map<String, String> env, HttpClient http) {
    ServiceProcess service = ServiceProcess.start(root, "referral-service", logs, env);
    STARTED.add(service);
    service.awaitReady(http);
    return service;
  }

  /**
   * MedCom's STIN_A under a new MessageHeader.id and bundle id: a message of its own, about
   * MedCom's example patient (whose CPR number agrees with the birth date and gender in the
   * example).
   */
  private static String message(String example, String messageHeaderId, int serial) {
    return example
        .replace(EXAMPLE_HEADER_ID, messageHeaderId)
        .replace(EXAMPLE_BUNDLE_ID, UUID.randomUUID().toString());
  }

  private static String post(HttpClient http, ServiceProcess service, String body) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(service.uri("/fhir/$process-message"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/fhir+json; charset=UTF-8")
                  .header("Accept", "application/fhir+json")
                  .header("Authorization", ServiceProcess.bearer(issuer, SENDER_SOR))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200
          ? "200 " + acknowledgementCode(answer.body())
          : Integer.toString(answer.statusCode());
    } catch (IOException e) {
      return "no answer: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no answer: interrupted";
    }
  }

  private static String acknowledgementCode(String bundle) {
    for (JsonNode entry : JsonHttp.readTree(bundle).path("entry")) {
      JsonNode resource = entry.path("resource");
      if ("MessageHeader".equals(resource.path("resourceType").asText())) {
        return resource.path("response").path("code").asText();
      }
    }
    return "(no MessageHeader)";
  }

  private static List<String> stored(String[] db, List<String> ids) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT DISTINCT message_header_id FROM received_message WHERE message_header_id = ANY (?)")) {
      q.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private static long count(String[] db, String sql, List<String> ids) throws Exception {
    try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]);
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rows = q.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
