package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.tools.audit.AuditTrailQuery;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The traffic and the scan of the no-CPR test (HospitalNotificationEndToEndIT): what a hospital, a
 * GP, the national register, the patient portal, a careless client and the security officer do,
 * each with its own token from the run's issuer, and afterwards every place a CPR number must not
 * be (docs/security.md, "What the no-CPR test scans").
 */
final class NoCprTraffic {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();

  /** MedCom's example sender (STIN_A), a hospital department of the register. */
  private static final String HOSPITAL = "265161000016000";

  private static final String NATIONAL_REGISTER = ServiceProcess.NATIONAL_REGISTER_SOR;
  private static final String OUTBOUND = "medcom.outbound.";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What was scanned, for the test's log. */
  record Scanned(int logFiles, long logLines, int topics, long records, long openPayloads) {}

  private final HttpClient http;
  private final DevIssuer issuer;
  private final Map<String, ServiceProcess> services;
  private final Path stinA;
  private final String kafka;
  private final Set<String> cprs = new LinkedHashSet<>();
  private final Map<String, Integer> answers = new TreeMap<>();

  NoCprTraffic(
      HttpClient http,
      DevIssuer issuer,
      Map<String, ServiceProcess> services,
      Path stinA,
      String kafka) {
    this.http = http;
    this.issuer = issuer;
    this.services = services;
    this.stinA = stinA;
    this.kafka = kafka;
  }

  /**
   * The access log of a service as a file of its own in the logs folder (URLs unmasked: the
   * console's CprMaskingLogFilter does not touch it).
   */
  static Map<String, String> accessLogEnvironment(Path logs, String module) {
    return Map.of(
        "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true",
        "QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE", "true",
        "QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY", logs.toString(),
        "QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME", module + "-access",
        "QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%h %t \"%r\" %s %b");
  }

  /** Every CPR number the traffic used, valid or not. */
  Set<String> cprNumbers() {
    return Set.copyOf(cprs);
  }

  String summary() {
    return cprs.size() + " CPR numbers, answers " + answers;
  }

  void run(String exampleCpr, String pseudonymSecret) throws Exception {
    cprs.add(exampleCpr);
    String gp = REGISTRY.ofKind(OrganisationKind.GP).get(0).sor();
    String outsider = REGISTRY.ofKind(OrganisationKind.GP).get(1).sor();
    String restCpr = "1204851237";
    String otherCpr = "0607921113";
    String notADate = "3213479989";
    cprs.addAll(List.of(restCpr, otherCpr, notADate));
    String example = Files.readString(stinA, StandardCharsets.UTF_8);

    // MedCom over HTTP: the example again (a new letter), and with a CPR number that is no date.
    expect(200, "medcom-ok", fhir(newIds(example), HOSPITAL));
    expect(422, "medcom-bad-cpr", fhir(newIds(example.replace(exampleCpr, notADate)), HOSPITAL));
    // Unreadable and oversized input naming a CPR number; no token at all.
    expect(
        400,
        "medcom-malformed",
        fhir("{\"resourceType\":\"Bundle\",\"cpr\":\"" + restCpr, HOSPITAL));
    expect(413, "medcom-oversized", fhir(oversized(example), HOSPITAL));
    expect(401, "medcom-no-token", fhir(newIds(example), null));

    // MedCom over Kafka: a valid letter and an unreadable one.
    // The sender's own topic (docs/security.md): the example's sender.
    String inbound =
        Topics.inboundFrom(
            new MedcomMessage(new MedcomCodec().parse(example, (String) null))
                .sender()
                .orElseThrow()
                .gln());
    try (KafkaTestClient client = new KafkaTestClient(kafka)) {
      Map<String, String> headers = Map.of("content-type", "application/fhir+json");
      client.send(inbound, UUID.randomUUID().toString(), newIds(example), headers);
      client.send(
          inbound,
          UUID.randomUUID().toString(),
          "{\"resourceType\":\"Bundle\",\"note\":\"" + otherCpr + "\"",
          headers);
    }

    // REST facts, reads and refusals.
    expect(
        200,
        "listed-gp",
        json(
            "referral-service",
            "/api/patients/listed-gp",
            NATIONAL_REGISTER,
            Map.of("cpr", restCpr, "gpSor", gp)));
    expect(
        201,
        "referral",
        json(
            "referral-service",
            "/api/referrals",
            HOSPITAL,
            Map.of(
                "cpr",
                restCpr,
                "referrerSor",
                gp,
                "receiverSor",
                HOSPITAL,
                "cancer",
                true,
                "waitingTimeRule",
                "W1",
                "conditionCode",
                "DC50")));
    expect(
        201,
        "stay",
        json(
            "referral-service",
            "/api/hospital-stays",
            HOSPITAL,
            Map.of(
                "cpr",
                restCpr,
                "episodeOfCareId",
                "ep-" + UUID.randomUUID(),
                "serviceProviderSor",
                HOSPITAL,
                "encounterClass",
                "IMP")));
    expect(
        200,
        "lookup",
        json("referral-service", "/api/patients/lookup", gp, Map.of("cpr", restCpr)));
    expect(
        404,
        "lookup-outsider",
        json("referral-service", "/api/patients/lookup", outsider, Map.of("cpr", restCpr)));
    expect(
        404,
        "lookup-unknown",
        json("referral-service", "/api/patients/lookup", gp, Map.of("cpr", otherCpr)));
    expect(
        422,
        "lookup-not-a-date",
        json("referral-service", "/api/patients/lookup", gp, Map.of("cpr", notADate)));
    expect(
        401,
        "lookup-no-token",
        json("referral-service", "/api/patients/lookup", null, Map.of("cpr", restCpr)));
    String key = new PatientPseudonym(pseudonymSecret).of(restCpr);
    String exampleKey = new PatientPseudonym(pseudonymSecret).of(exampleCpr);
    eventually200(
        "who-to-call", "responsibility-service", "/api/patients/" + key + "/who-to-call", gp);
    expect(
        200,
        "responsibility-lookup",
        json("responsibility-service", "/api/patients/lookup", gp, Map.of("cpr", restCpr)));
    expect(
        404,
        "ledger-outsider",
        get("responsibility-service", "/api/patients/" + key + "/ledger", bearer(outsider)));
    expect(
        200,
        "portal-lookup",
        post(
            "referral-service",
            "/api/patients/lookup",
            "Bearer " + issuer.token("patient-portal", restCpr),
            Map.of("cpr", restCpr)));
    expect(
        200,
        "deliveries",
        get(
            "notification-service",
            "/api/deliveries?patientKey=" + exampleKey,
            bearer(ServiceProcess.COORDINATOR_SOR)));

    // The security officer's trail across the three services; the query itself is audited, so a
    // second query shows the first in every service.
    Map<String, String> bases = new LinkedHashMap<>();
    services.forEach((module, service) -> bases.put(module, service.uri("").toString()));
    AuditTrailQuery officer = new AuditTrailQuery(bases, issuer.issuer(), http);
    List<ObjectNode> first = officer.ofPatient(key);
    assertTrue(
        first.stream().anyMatch(r -> "referral-service".equals(r.path("service").asText()))
            && first.stream()
                .anyMatch(r -> "responsibility-service".equals(r.path("service").asText())),
        "the trail of both services that served reads: " + first);
    List<ObjectNode> second = officer.ofPatient(key);
    for (String module : bases.keySet()) {
      assertEquals(
          1,
          second.stream()
              .filter(r -> module.equals(r.path("service").asText()))
              .filter(r -> "READ_AUDIT".equals(r.path("action").asText()))
              .filter(r -> "SECURITY_OFFICER".equals(r.path("callerRoles").asText()))
              .count(),
          () -> module + " did not audit the officer's query: " + second);
    }
    answers.put("audit-rows", second.size());
  }

  /** Scans the logs, the access logs, every Kafka key and header, and the open topics' payloads. */
  Scanned scanEverything(CprScan scan, Path logs) throws Exception {
    int files = 0;
    long lines = 0;
    List<Path> logFiles;
    try (Stream<Path> all = Files.list(logs)) {
      logFiles = all.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : logFiles) {
      files++;
      List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < content.size(); i++) {
        lines++;
        scan.scan(file.getFileName() + ":" + (i + 1), content.get(i));
      }
    }
    assertTrue(
        logFiles.stream().anyMatch(f -> f.getFileName().toString().contains("-access")),
        "no access log in " + logs);

    int topics = 0;
    long records = 0;
    long open = 0;
    try (KafkaTestClient client = new KafkaTestClient(kafka)) {
      for (String topic : topicNames()) {
        topics++;
        for (ConsumerRecord<String, String> r : client.readAll(topic, TIMEOUT)) {
          records++;
          String where = topic + "/" + r.partition() + "/" + r.offset();
          scan.scan(where + " key", r.key());
          for (Header h : r.headers()) {
            scan.scan(
                where + " header " + h.key(),
                h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
          }
          if (topic.startsWith(OUTBOUND)
              && !addressedTo(r.value(), topic.substring(OUTBOUND.length()))) {
            // What the owner of this topic reads that is not a letter about its own patient (an
            // acknowledgement, anything else) must name no one.
            open++;
            scan.scan(where + " payload", r.value());
          }
        }
      }
    }
    return new Scanned(files, lines, topics, records, open);
  }

  /**
   * True for a MedCom message (not an acknowledgement) whose destination is this GLN: MedCom
   * requires it to carry its patient's CPR number, and only that recipient reads the topic.
   */
  static boolean addressedTo(String payload, String gln) {
    if (payload == null || !payload.stripLeading().startsWith("{")) {
      return false;
    }
    try {
      JsonNode entries = JSON.readTree(payload).path("entry");
      for (JsonNode entry : entries) {
        JsonNode header = entry.path("resource");
        if ("MessageHeader".equals(header.path("resourceType").asText())) {
          if (header.has("response")) {
            return false; // an acknowledgement
          }
          for (JsonNode destination : header.path("destination")) {
            String receiver = destination.path("receiver").path("reference").asText("");
            if (destination.toString().contains(gln)
                || (!receiver.isEmpty() && resolve(entries, receiver).toString().contains(gln))) {
              return true;
            }
          }
          return false;
        }
      }
    } catch (IOException unreadable) {
      return false;
    }
    return false;
  }

  /** The resource of the Bundle's entry a reference names (by fullUrl or type/id). */
  private static JsonNode resolve(JsonNode entries, String reference) {
    for (JsonNode entry : entries) {
      JsonNode resource = entry.path("resource");
      String fullUrl = entry.path("fullUrl").asText("");
      String typeAndId =
          resource.path("resourceType").asText() + "/" + resource.path("id").asText();
      if (reference.equals(fullUrl)
          || fullUrl.endsWith("/" + reference)
          || reference.endsWith(typeAndId)) {
        return resource;
      }
    }
    return JSON.createObjectNode();
  }

  private List<String> topicNames() throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    try (Admin admin = Admin.create(p)) {
      return admin.listTopics().names().get().stream()
          .filter(t -> !t.startsWith("__"))
          .sorted()
          .toList();
    }
  }

  private void expect(int status, String what, HttpResponse<String> response) {
    answers.put(what, response.statusCode());
    assertEquals(status, response.statusCode(), () -> what + ": " + response.body());
  }

  private void eventually200(String what, String module, String path, String sor) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    HttpResponse<String> last;
    do {
      last = get(module, path, bearer(sor));
      if (last.statusCode() == 200) {
        break;
      }
      ServiceProcess.sleep(300);
    } while (System.nanoTime() < deadline);
    expect(200, what, last);
  }

  private HttpResponse<String> fhir(String body, String sor) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(services.get("referral-service").uri("/fhir/$process-message"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/fhir+json; charset=UTF-8")
            .header("Accept", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sor != null) {
      request.header("Authorization", bearer(sor));
    }
    return JsonHttp.send(http, request.build());
  }

  /** A JSON POST as this organisation's staff (its token from the issuer), or with no token. */
  private HttpResponse<String> json(String module, String path, String sor, Object body) {
    return post(module, path, sor == null ? null : bearer(sor), body);
  }

  private HttpResponse<String> post(String module, String path, String authorization, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(services.get(module).uri(path))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return JsonHttp.send(http, request.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String module, String path, String authorization) {
    return JsonHttp.send(
        http,
        HttpRequest.newBuilder(services.get(module).uri(path))
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .GET()
            .build());
  }

  private String bearer(String sor) {
    return ServiceProcess.bearer(issuer, sor);
  }

  /** The letter with a new MessageHeader.id and Bundle.id: a new letter, not a retransmission. */
  static String newIds(String bundle) {
    try {
      JsonNode root = JSON.readTree(bundle);
      String bundleId = root.path("id").asText();
      String headerId = null;
      for (JsonNode entry : root.path("entry")) {
        if ("MessageHeader".equals(entry.path("resource").path("resourceType").asText())) {
          headerId = entry.path("resource").path("id").asText();
        }
      }
      String renewed = bundle.replace(bundleId, UUID.randomUUID().toString());
      return headerId == null ? renewed : renewed.replace(headerId, UUID.randomUUID().toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The letter padded past the front door's 2,000,000-byte limit (a note of spaces). */
  private static String oversized(String bundle) {
    int brace = bundle.lastIndexOf('}');
    return bundle.substring(0, brace) + ",\"_padding\":\"" + " ".repeat(2_100_000) + "\"}";
  }
}
