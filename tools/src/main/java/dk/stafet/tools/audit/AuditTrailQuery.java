package dk.stafet.tools.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.tools.IssuerTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./stafet audit}: the security officer's view of one patient's audit trail across the three
 * services (docs/security.md, "The audit trail"). It asks each service's {@code GET
 * /api/audit?patientKey=} with the security officer's token from the issuer and merges the rows in
 * time order, each marked with its service. Each service audits the query itself ({@code
 * READ_AUDIT}, naming the officer), so the next query shows it. The patient is named by pseudonym;
 * {@code --cpr} reads a CPR number from standard input (never an argument, which {@code ps} would
 * show) and turns it into the pseudonym with the local pseudonym key.
 */
public final class AuditTrailQuery {

  /** The services and their local addresses (./stafet up). */
  public static final Map<String, String> LOCAL_SERVICES =
      Map.of(
          "referral-service", "http://127.0.0.1:8081",
          "responsibility-service", "http://127.0.0.1:8082",
          "notification-service", "http://127.0.0.1:8083");

  /** The issuer's demo identity of the region's security officer. */
  public static final String OFFICER = "security-officer";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> services;
  private final IssuerTokens tokens;
  private final HttpClient client;

  public AuditTrailQuery(Map<String, String> services, String issuerUrl, HttpClient client) {
    this.services = new LinkedHashMap<>(services);
    this.client = client;
    this.tokens = new IssuerTokens(issuerUrl, client);
  }

  /**
   * The patient's audit rows of every service, oldest first, each with a {@code service} field.
   *
   * @throws IOException when a service does not answer with its trail (the message names it)
   */
  public List<ObjectNode> ofPatient(String patientKey) throws IOException, InterruptedException {
    String token = tokens.forUsername(OFFICER);
    Map<String, JsonNode> perService = new LinkedHashMap<>();
    for (Map.Entry<String, String> service : services.entrySet()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          service.getValue()
                              + "/api/audit?patientKey="
                              + URLEncoder.encode(patientKey, StandardCharsets.UTF_8)))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IOException(
            service.getKey() + " answered " + response.statusCode() + ": " + response.body());
      }
      perService.put(service.getKey(), JSON.readTree(response.body()));
    }
    return merge(perService);
  }

  /** The rows of each service's answer, marked with the service, in time order. */
  public static List<ObjectNode> merge(Map<String, JsonNode> perService) {
    List<ObjectNode> rows = new ArrayList<>();
    perService.forEach(
        (service, entries) ->
            entries.forEach(
                entry -> {
                  ObjectNode row = JSON.createObjectNode().put("service", service);
                  row.setAll((ObjectNode) entry);
                  rows.add(row);
                }));
    rows.sort(
        Comparator.comparing((ObjectNode r) -> r.path("at").asText())
            .thenComparing(r -> r.path("service").asText())
            .thenComparingLong(r -> r.path("id").asLong()));
    return rows;
  }

  /** One line per row, for people. */
  public static void print(List<ObjectNode> rows, PrintStream out) {
    out.printf(
        "%-30s %-22s %-16s %-30s %-22s %-36s %s%n",
        "at", "service", "organisation", "person", "roles", "action", "outcome");
    for (ObjectNode r : rows) {
      out.printf(
          "%-30s %-22s %-16s %-30s %-22s %-36s %s%n",
          r.path("at").asText(),
          r.path("service").asText(),
          r.path("callerSor").asText(),
          r.path("personName").asText(r.path("personSubject").asText("")),
          r.path("callerRoles").asText(""),
          r.path("action").asText(),
          r.path("outcome").asText());
    }
    out.printf("%d rows%n", rows.size());
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println(
          "usage: ./stafet audit PATIENT_KEY | ./stafet audit --cpr   (reads the CPR number from"
              + " standard input)");
      System.exit(2);
    }
    String patientKey = args[0];
    if ("--cpr".equals(patientKey)) {
      String cpr =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      String secret =
          System.getenv()
              .getOrDefault("STAFET_PSEUDONYM_SECRET", "local-development-secret-change-me");
      patientKey = new PatientPseudonym(secret).of(cpr == null ? "" : cpr.replace("-", "").trim());
    }
    String issuer = System.getProperty("stafet.issuer.url", "http://127.0.0.1:8085");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      print(new AuditTrailQuery(LOCAL_SERVICES, issuer, client).ofPatient(patientKey), System.out);
    } catch (IOException e) {
      System.err.println("stafet audit: " + e.getMessage());
      System.exit(1);
    }
  }
}
