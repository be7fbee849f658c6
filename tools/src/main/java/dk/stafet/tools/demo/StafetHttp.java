package dk.stafet.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.tools.IssuerTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo's HTTP client: POSTs with the acting organisation's bearer token (from the development
 * issuer, one per organisation, fetched once), and readiness checks.
 */
final class StafetHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * @param status HTTP status; 0 when the service could not be reached
   * @param body the answer (for logs only through {@link #summary()})
   * @param quarantineId the front door's quarantine entry for a rejected message, or null
   * @param error why the service could not be reached, or null
   */
  record Answer(int status, String body, String quarantineId, String error) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean unreachable() {
      return status == 0;
    }

    JsonNode json() {
      try {
        return body == null || body.isBlank() ? MAPPER.nullNode() : MAPPER.readTree(body);
      } catch (IOException e) {
        return MAPPER.nullNode();
      }
    }

    /**
     * A short, patient-free reason for a log line: the problem's code/title or the
     * acknowledgement's diagnostics.
     */
    String summary() {
      if (unreachable()) {
        return error;
      }
      JsonNode json = json();
      String text;
      if (json.has("code") || json.has("title") || json.has("message") || json.has("detail")) {
        text = first(json, "code", "title") + ": " + first(json, "message", "detail");
      } else if ("Bundle".equals(json.path("resourceType").asText())
          || "OperationOutcome".equals(json.path("resourceType").asText())) {
        text = diagnostics(json);
      } else {
        text = body == null ? "" : body;
      }
      text = text.replaceAll("\\s+", " ").trim();
      return DemoLog.mask(text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    private static String first(JsonNode json, String... names) {
      for (String name : names) {
        if (json.hasNonNull(name)) {
          return json.get(name).asText();
        }
      }
      return "";
    }

    /**
     * The error diagnostics of an OperationOutcome, alone or inside an acknowledgement Bundle (else
     * all of them).
     */
    private static String diagnostics(JsonNode json) {
      StringBuilder errors = new StringBuilder();
      StringBuilder all = new StringBuilder();
      for (JsonNode issues : json.findValues("issue")) {
        for (JsonNode issue : issues) {
          String text =
              issue.path("diagnostics").asText(issue.path("details").path("text").asText(""));
          String severity = issue.path("severity").asText("");
          append("error".equals(severity) || "fatal".equals(severity) ? errors : all, text);
        }
      }
      String text = errors.length() > 0 ? errors.toString() : all.toString();
      return text.isEmpty() ? "(no diagnostics)" : text;
    }

    private static void append(StringBuilder to, String text) {
      if (!text.isEmpty()) {
        to.append(to.length() > 0 ? "; " : "").append(text);
      }
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final DemoConfig config;
  private final IssuerTokens tokens;

  StafetHttp(DemoConfig config) {
    this.config = config;
    this.tokens = new IssuerTokens(config.issuerUrl(), client);
  }

  Answer post(Call call) throws InterruptedException {
    String base =
        call.service() == Call.Service.REFERRAL ? config.referralUrl() : config.responsibilityUrl();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + call.path()))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", call.contentType())
            .header(
                "Accept",
                call.contentType().startsWith("application/fhir")
                    ? "application/fhir+json"
                    : "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
    try {
      if (call.actorSor() != null) {
        request.header("Authorization", "Bearer " + tokens.forOrganisation(call.actorSor()));
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("X-Stafet-Quarantine-Id").orElse(null),
          null);
    } catch (IOException e) {
      return new Answer(
          0,
          null,
          null,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  /** True when {@code GET <base>/q/health/ready} answers 200. */
  boolean ready(String base) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
