package dk.stafet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.issuer.DevIssuer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP calls to the services and their JSON answers, failing the test with the request named. */
final class JsonHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonHttp() {}

  static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A JSON request on behalf of {@code callerSor}, with that organisation's bearer token from the
   * issuer.
   */
  static HttpRequest.Builder as(DevIssuer issuer, String callerSor, java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", ServiceProcess.bearer(issuer, callerSor));
  }

  /** POSTs {@code body} (an object Jackson writes) as {@code callerSor}. */
  static HttpResponse<String> post(
      HttpClient http, DevIssuer issuer, String callerSor, java.net.URI uri, Object body) {
    try {
      return send(
          http,
          as(issuer, callerSor, uri)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static HttpResponse<String> get(
      HttpClient http, DevIssuer issuer, String callerSor, java.net.URI uri) {
    return send(http, as(issuer, callerSor, uri).GET().build());
  }

  static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
