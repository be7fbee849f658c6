package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.e2e.Polling.Attempt;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole way of one MedCom HospitalNotification across the three real services, each run from
 * its runnable jar as a separate process, over a real Kafka broker (KRaft, in this JVM) and real
 * PostgreSQL (a fresh database per service):
 *
 * <ol>
 *   <li>MedCom's example STIN_A (admission) is POSTed to referral-service's {@code
 *       /fhir/$process-message}: 200, ok;
 *   <li>responsibility-service's ledger learns the admission over Kafka: who to call is the
 *       admitting department (R6);
 *   <li>notification-service delivers the letter, MessageHeader.id unchanged, to the municipality's
 *       topic {@code medcom.outbound.5790001348120}; its recipient simulator answers with an
 *       Acknowledgement through the front door, and the delivery becomes ACKNOWLEDGED;
 *   <li>the sender's W3C trace context followed the message: the records on the course-event,
 *       responsibility-event and outbound topics carry its trace id (OpenTelemetry; the outbox
 *       relay puts the traceparent stored with each row on its record).
 * </ol>
 *
 * Then issue 13's referral paths run on the same stack ({@link ReferralPaths}), and last {@link
 * AfterAllTraffic#representativeTrafficLeavesNoCprNumberInLogsKeysHeadersUrlsOrOpenTopics} runs
 * more traffic of every kind through it, stops it and scans what the run left behind for CPR
 * numbers (issue 14; docs/security.md, "What the no-CPR test scans"). The logs stay in
 * target/e2e-logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class HospitalNotificationEndToEndIT {

  private static final String CPR = "2509479989";
  private static final String ADMITTING_DEPARTMENT_SOR = "265161000016000";
  private static final String MUNICIPALITY_GLN = "5790001348120";
  private static final String MESSAGE_HEADER_ID = "b9b4818e-02de-4cc4-b418-d20cbc7b5404";
  private static final String STIN_A =
      "medcom-examples/dk-medcom-hospitalnotification-testscripts/HospitalNotification_Ex_STIN_A.json";
  private static final String COORDINATOR_SOR = ServiceProcess.COORDINATOR_SOR;
  private static final String PATIENT_PORTAL_SOR = ServiceProcess.PATIENT_PORTAL_SOR;
  private static final List<String> MODULES =
      List.of("referral-service", "responsibility-service", "notification-service");
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
  private static final long T0 = System.nanoTime();

  private static HttpClient http;
  private static DevIssuer issuer;
  private static Path shared;
  private static String kafka;
  private static Thread killOnExit;
  private static String pseudonymSecret;
  private static Path logs;

  @BeforeAll
  static void startStack() {
    shared = Path.of(setting("stafet.shared.dir", "../../shared")).toAbsolutePath().normalize();
    Path root = Path.of(setting("stafet.e2e.root", "..")).toAbsolutePath().normalize();
    logs = Path.of(setting("stafet.e2e.logs", "target/e2e-logs")).toAbsolutePath().normalize();
    assertTrue(
        Files.isRegularFile(shared.resolve(STIN_A)),
        "MedCom's example is missing: "
            + shared.resolve(STIN_A)
            + " (stafet.shared.dir="
            + shared
            + "; shared/ must be beside the repository)");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    kafka = KafkaKraftResource.bootstrapServers();
    log("Kafka on %s", kafka);
    // Nothing is left behind even when the run is interrupted (Ctrl-C, a failsafe timeout): the
    // hook kills the
    // services; the broker and the test databases go with the test-support shutdown hooks.
    killOnExit =
        new Thread(
            () -> SERVICES.values().forEach(ServiceProcess::kill), "stafet-e2e-kill-services");
    Runtime.getRuntime().addShutdownHook(killOnExit);

    String secret =
        "e2e-pseudonym-secret-" + UUID.randomUUID(); // one secret for all three: keys must agree
    pseudonymSecret = secret;
    issuer = ServiceProcess.startIssuer(secret);
    for (String module : MODULES) {
      String[] db = PostgresResource.newDatabase(); // {jdbcUrl, user, password, name}
      Map<String, String> env =
          ServiceProcess.backendEnvironment(db, kafka, shared, secret, issuer);
      // The URLs every request used, unmasked (a file of its own, not the console that
      // CprMaskingLogFilter masks): the no-CPR scan reads them.
      env.putAll(NoCprTraffic.accessLogEnvironment(logs, module));
      SERVICES.put(module, ServiceProcess.start(root, module, logs, env));
    }
    for (ServiceProcess service : SERVICES.values()) {
      service.awaitReady(http);
    }
    log("stack ready");
  }

  @AfterAll
  static void stopStack() {
    ServiceProcess.stopAll(SERVICES.values());
    if (issuer != null) {
      issuer.close();
    }
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    log(
        "stopped; service logs in %s",
        SERVICES.isEmpty() ? "-" : SERVICES.values().iterator().next().log().getParent());
  }

  @Test
  @Order(1)
  void hospitalNotificationTravelsFromFrontDoorToLedgerAndMunicipality() throws Exception {
    ServiceProcess referral = SERVICES.get("referral-service");
    ServiceProcess responsibility = SERVICES.get("responsibility-service");
    ServiceProcess notification = SERVICES.get("notification-service");

    // 1. The front door accepts MedCom's STIN_A and answers with an ok Acknowledgement. The sender
    // sends its own W3C trace context: the message's trace must follow it through every service.
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String senderTraceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    byte[] stinA = Files.readAllBytes(shared.resolve(STIN_A));
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(referral.uri("/fhir/$process-message"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json; charset=UTF-8")
                .header("Accept", "application/fhir+json")
                .header("traceparent", senderTraceparent)
                .header(
                    "Authorization",
                    ServiceProcess.bearer(issuer, ADMITTING_DEPARTMENT_SOR)) // STIN_A's sender
                .POST(HttpRequest.BodyPublishers.ofByteArray(stinA))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        200,
        answer.statusCode(),
        () -> "POST /fhir/$process-message: " + answer.body() + "\n" + referral.tail(30));
    assertEquals(
        "ok", acknowledgementCode(answer.body()), () -> "acknowledgement: " + answer.body());
    log("1. front door: 200, acknowledgement ok");

    // 2. The ledger: who to call is the admitting department, by R6.
    JsonNode lookup =
        eventually(
            "who-to-call R6 at " + ADMITTING_DEPARTMENT_SOR,
            responsibility,
            () -> {
              HttpResponse<String> r =
                  send(
                      HttpRequest.newBuilder(responsibility.uri("/api/patients/lookup"))
                          .header("Content-Type", "application/json")
                          .header(
                              "Authorization",
                              ServiceProcess.bearer(issuer, ADMITTING_DEPARTMENT_SOR))
                          .POST(HttpRequest.BodyPublishers.ofString("{\"cpr\":\"" + CPR + "\"}"))
                          .build());
              if (r.statusCode() != 200) {
                return Attempt.no(r.statusCode() + " " + r.body());
              }
              JsonNode who = readTree(r.body()).path("whoToCall");
              boolean done =
                  "R6".equals(who.path("rule").asText())
                      && ADMITTING_DEPARTMENT_SOR.equals(
                          who.path("organisation").path("sor").asText());
              return done ? Attempt.yes(readTree(r.body())) : Attempt.no("200 " + r.body());
            });
    assertEquals("R6", lookup.path("whoToCall").path("rule").asText());
    assertEquals(
        ADMITTING_DEPARTMENT_SOR,
        lookup.path("whoToCall").path("organisation").path("sor").asText());
    log("2. ledger: who to call %s by %s", ADMITTING_DEPARTMENT_SOR, "R6");

    // 3a. Delivered to the municipality's topic, the letter's MessageHeader.id unchanged.
    String topic = "medcom.outbound." + MUNICIPALITY_GLN;
    try (KafkaTestClient client = new KafkaTestClient(kafka)) {
      ConsumerRecord<String, String> delivered =
          client.awaitRecord(
              topic, rec -> MESSAGE_HEADER_ID.equals(messageHeaderId(rec.value())), EVENTUALLY);
      assertEquals(MESSAGE_HEADER_ID, messageHeaderId(delivered.value()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + notification.tail(40), e);
    }
    log("3. delivered on %s", topic);

    // 3c. One trace across HTTP and Kafka through all three services: the records of this message
    // on every hop (front door → course event → ledger's responsibility event → the letter to the
    // municipality) carry a traceparent with the sender's trace id, each hop its own span.
    String patientKey = lookup.path("patientKey").asText();
    List<String> hops = List.of("stafet.course-events", "stafet.responsibility-events", topic);
    List<String> spans = new ArrayList<>();
    try (KafkaTestClient client = new KafkaTestClient(kafka)) {
      for (String hop : hops) {
        ConsumerRecord<String, String> record =
            client.awaitRecord(hop, rec -> patientKey.equals(rec.key()), EVENTUALLY);
        org.apache.kafka.common.header.Header header = record.headers().lastHeader("traceparent");
        assertTrue(header != null, () -> "no traceparent on " + hop + ": " + record.headers());
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, parts[1], () -> "another trace on " + hop);
        spans.add(parts[2]);
      }
    }
    assertTrue(
        !spans.contains(traceId.substring(0, 16)),
        "a hop carries the sender's span instead of its own: " + spans);
    log("3. one trace %s on %s", traceId, hops);

    // 3b. The simulated municipality acknowledged it through the front door: the delivery is
    // ACKNOWLEDGED.
    JsonNode delivery =
        eventually(
            "delivery " + MESSAGE_HEADER_ID + " ACKNOWLEDGED",
            notification,
            () -> {
              HttpResponse<String> r =
                  send(
                      HttpRequest.newBuilder(
                              notification.uri(
                                  "/api/deliveries?recipient=" + MUNICIPALITY_GLN + "&limit=100"))
                          .header(
                              "Authorization",
                              ServiceProcess.bearer(issuer, ServiceProcess.COORDINATOR_SOR))
                          .GET()
                          .build());
              if (r.statusCode() != 200) {
                return Attempt.no(r.statusCode() + " " + r.body());
              }
              for (JsonNode d : readTree(r.body())) {
                if (MESSAGE_HEADER_ID.equals(d.path("messageHeaderId").asText())) {
                  return "ACKNOWLEDGED".equals(d.path("state").asText())
                      ? Attempt.yes(d)
                      : Attempt.no(d.toString());
                }
              }
              return Attempt.no("not listed: " + r.body());
            });
    assertEquals("ACKNOWLEDGED", delivery.path("state").asText());
    assertEquals(MUNICIPALITY_GLN, delivery.path("recipientGln").asText());
    log("3. delivery ACKNOWLEDGED (ack code %s)", delivery.path("ackCode").asText());
  }

  // ---- helpers

  /**
   * The response code of the MessageHeader of a MedCom Acknowledgement bundle (ok, transient-error,
   * fatal-error).
   */
  private static String acknowledgementCode(String bundle) {
    for (JsonNode entry : readTree(bundle).path("entry")) {
      JsonNode resource = entry.path("resource");
      if ("MessageHeader".equals(resource.path("resourceType").asText())) {
        return resource.path("response").path("code").asText();
      }
    }
    return "(no MessageHeader)";
  }

  /** MessageHeader.id of a MedCom Bundle in JSON, or null. */
  private static String messageHeaderId(String bundle) {
    if (bundle == null || !bundle.stripLeading().startsWith("{")) {
      return null;
    }
    for (JsonNode entry : readTree(bundle).path("entry")) {
      JsonNode resource = entry.path("resource");
      if ("MessageHeader".equals(resource.path("resourceType").asText())) {
        return resource.path("id").asText(null);
      }
    }
    return null;
  }

  private static JsonNode eventually(
      String what, ServiceProcess service, Supplier<Attempt> attempt) {
    return Polling.eventually(what, EVENTUALLY, Duration.ofMillis(500), service, attempt);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return JsonHttp.send(http, request);
  }

  private static JsonNode readTree(String json) {
    return JsonHttp.readTree(json);
  }

  private static String setting(String property, String defaultValue) {
    String v = System.getProperty(property);
    return v == null || v.isBlank() ? defaultValue : v;
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        "[e2e %5.1f s] %s%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - T0) / 1000.0,
        String.format(format, args));
  }

  /** issue 13's referral paths, on this stack (ReferralPathsScenarios). */
  @Nested
  @Order(1)
  class ReferralPaths extends ReferralPathsScenarios {
    @Override
    protected Stack stack() {
      return new Stack(
          http, issuer, SERVICES.get("referral-service"), SERVICES.get("responsibility-service"));
    }
  }

  /** Last, when everything else has run on the stack: it stops the stack to scan what is left. */
  @Nested
  @Order(2)
  class AfterAllTraffic {

    /**
     * Issue 14, "no CPR number in any log, key, header, URL or open topic": valid MedCom messages
     * over HTTP and Kafka, invalid ones (a CPR number that is no date, unreadable, oversized), REST
     * facts, reads, refusals and the security officer's audit query across the three services go
     * through the stack; then it stops, and every log line of every service (shutdown included),
     * every URL of the access logs, every Kafka record key and header on every topic, and the
     * payloads of the topics outside principals read are scanned for the run's CPR numbers and
     * anything CPR-shaped.
     */
    @Test
    void representativeTrafficLeavesNoCprNumberInLogsKeysHeadersUrlsOrOpenTopics()
        throws Exception {
      NoCprTraffic traffic =
          new NoCprTraffic(http, issuer, SERVICES, shared.resolve(STIN_A), kafka);
      traffic.run(CPR, pseudonymSecret);
      log("traffic: %s", traffic.summary());

      ServiceProcess.stopAll(SERVICES.values());
      CprScan scan = new CprScan(traffic.cprNumbers());
      NoCprTraffic.Scanned scanned = traffic.scanEverything(scan, logs);
      log("scanned %s", scanned);
      assertTrue(
          scan.findings().isEmpty(),
          "CPR numbers where none may be (" + scan.findings().size() + "): " + scan.findings());
    }
  }
}
