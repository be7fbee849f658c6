package dk.stafet.tools.chaos;

import dk.stafet.tools.IssuerTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The chaos run's HTTP: every request it makes, and the one place that says who the caller is: the
 * acting organisation's bearer token from the development issuer.
 */
final class ChaosHttp {

  /**
   * @param status 0 when no answer came (refused, reset, timed out)
   */
  record Answer(int status, String body, IOException failure) {

    boolean unanswered() {
      return status == 0;
    }

    /**
     * True when the request cannot have reached the service (nothing listened): safe to send again
     * for any request.
     */
    boolean neverArrived() {
      return failure instanceof java.net.ConnectException;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final IssuerTokens tokens;

  ChaosHttp(String issuerUrl) {
    this.tokens = new IssuerTokens(issuerUrl, client);
  }

  Answer post(String url, String actingSor, String contentType, String body)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .header(
                "Accept",
                contentType.startsWith("application/fhir")
                    ? "application/fhir+json"
                    : "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      authenticate(
          request,
          actingSor); // an issuer that cannot answer yet counts as no answer: the sender retries
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, null, e);
    }
  }

  boolean ready(String baseUrl) throws InterruptedException {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Who the caller is. The only place that knows how the services authenticate. */
  private void authenticate(HttpRequest.Builder request, String actingSor)
      throws IOException, InterruptedException {
    if (actingSor != null) {
      request.header("Authorization", "Bearer " + tokens.forOrganisation(actingSor));
    }
  }
}
