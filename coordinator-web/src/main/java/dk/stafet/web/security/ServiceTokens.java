package dk.stafet.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer tokens the pages call the services with, from the development token issuer
 * (docs/web.md, "Who the pages act as"): the configured coordinator's (a named person, whom the
 * services' audit names), kept until shortly before it expires; and for "mit forløb" a
 * patient-portal token for the one citizen who asked, never kept. A production deployment logs the
 * user in against the region's identity provider instead (docs/security.md).
 */
@ApplicationScoped
public class ServiceTokens {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final WebConfig config;
  private volatile String coordinator;
  private volatile Instant coordinatorUntil = Instant.EPOCH;

  public ServiceTokens(WebConfig config) {
    this.config = config;
  }

  /** {@code Bearer <token>} of the coordinator the pages act as. */
  public String coordinator() {
    if (Instant.now().isAfter(coordinatorUntil)) {
      JsonNode answer = token("username=" + encode(config.coordinatorUsername()));
      coordinator = "Bearer " + answer.path("access_token").asText();
      coordinatorUntil =
          Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 60));
    }
    return coordinator;
  }

  /**
   * {@code Bearer <token>} of the patient portal acting for this citizen only (the token names its
   * pseudonym).
   */
  public String portalFor(String cpr) {
    return "Bearer "
        + token("username=patient-portal&cpr=" + encode(cpr)).path("access_token").asText();
  }

  private JsonNode token(String form) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(config.issuerUrl() + "/token"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ProcessingException("the token issuer answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      // As for a service that does not answer: the page shows the section as unavailable (Fetched).
      throw new ProcessingException("the token issuer is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessingException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
