package dk.stafet.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens from the development issuer for the tools' simulated callers (demo traffic, the
 * chaos run): {@code POST <issuer>/token organisation=<SOR>}, one per organisation, reused until
 * shortly before it could expire. The services believe nothing but these tokens (docs/security.md).
 */
public final class IssuerTokens {

  /**
   * The national register (CPR/GP register) feed's demo identity: the only caller that may set a
   * listed GP.
   */
  public static final String NATIONAL_REGISTER_SOR = "999999000904001";

  /** Well inside the issuer's token lifetime, so a long run never presents an expired token. */
  private static final Duration REUSE = Duration.ofMinutes(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Held(String token, Instant fetched) {}

  private final String issuerUrl;
  private final HttpClient client;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  public IssuerTokens(String issuerUrl, HttpClient client) {
    this.issuerUrl = issuerUrl;
    this.client = client;
  }

  /**
   * The token acting for this organisation. @throws IOException when the issuer cannot be reached
   * or refuses
   */
  public String forOrganisation(String sor) throws IOException, InterruptedException {
    return token("organisation=" + sor);
  }

  /**
   * The token of one of the issuer's named demo identities, e.g. {@code security-officer}
   * (docs/security.md). @throws IOException when the issuer cannot be reached or refuses
   */
  public String forUsername(String username) throws IOException, InterruptedException {
    return token("username=" + username);
  }

  private String token(String form) throws IOException, InterruptedException {
    Held current = held.get(form);
    if (current != null && current.fetched().plus(REUSE).isAfter(Instant.now())) {
      return current.token();
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(issuerUrl + "/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("the token issuer answered " + response.statusCode() + " for " + form);
    }
    String token = JSON.readTree(response.body()).path("access_token").asText();
    held.put(form, new Held(token, Instant.now()));
    return token;
  }
}
