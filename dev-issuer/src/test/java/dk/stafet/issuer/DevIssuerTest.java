package dk.stafet.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DevIssuerTest {

  private static final String SECRET = "local-development-secret-change-me";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void publishesDiscoveryAndKeysAndHandsOutSignedTokensPerIdentity() throws Exception {
    Path keyFile = Files.createTempDirectory("issuer").resolve("key.pem");
    try (DevIssuer issuer =
        DevIssuer.start(0, SigningKey.loadOrCreate(keyFile), SECRET, Duration.ofMinutes(5))) {
      JsonNode discovery = get(issuer.issuer() + "/.well-known/openid-configuration");
      assertThat(discovery.path("issuer").asText()).isEqualTo(issuer.issuer());
      JsonNode keys = get(discovery.path("jwks_uri").asText());
      assertThat(keys.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
      assertThat(keys.path("keys").get(0).has("d")).as("no private part").isFalse();

      JsonNode coordinator =
          claims(post(issuer, "username=coordinator").path("access_token").asText());
      assertThat(coordinator.path("iss").asText()).isEqualTo(issuer.issuer());
      assertThat(coordinator.path("aud").toString()).contains("stafet");
      assertThat(coordinator.path("groups").toString()).contains("COORDINATOR");
      assertThat(coordinator.path("stafet_org").asText()).isEqualTo(DemoIdentity.COORDINATION_SOR);
      assertThat(coordinator.path("exp").asLong() - coordinator.path("iat").asLong())
          .isEqualTo(300);

      String token =
          post(issuer, "username=patient-portal&cpr=010170-1234").path("access_token").asText();
      assertThat(token).doesNotContain("0101701234");
      assertThat(claims(token).path("stafet_patient").asText())
          .isEqualTo(new PatientPseudonym(SECRET).of("0101701234"));
      assertThat(claims(token).toString()).doesNotContain("0101701234");

      JsonNode gp =
          claims(post(issuer, "organisation=999000000018016").path("access_token").asText());
      assertThat(gp.path("stafet_org_kind").asText()).isEqualTo("GP");
      assertThat(gp.path("groups").toString()).contains("STAFF");
      JsonNode register =
          claims(
              post(issuer, "organisation=" + DemoIdentity.NATIONAL_REGISTER_SOR)
                  .path("access_token")
                  .asText());
      assertThat(register.path("groups").toString()).contains("NATIONAL_REGISTER");
    }
    // A restart signs with the same key (the services keep the keys they fetched).
    assertThat(SigningKey.loadOrCreate(keyFile).keyId())
        .isEqualTo(SigningKey.loadOrCreate(keyFile).keyId());
  }

  @Test
  void refusesUnknownIdentitiesAndAPortalTokenWithoutItsCitizen() throws Exception {
    try (DevIssuer issuer =
        DevIssuer.start(
            0,
            SigningKey.of(io.smallrye.jwt.util.KeyUtils.generateKeyPair(2048).getPrivate()),
            SECRET,
            Duration.ofMinutes(5))) {
      assertThat(send(issuer, "username=nobody").statusCode()).isEqualTo(400);
      assertThat(send(issuer, "username=patient-portal").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void logsAPersonInWithTheAuthorizationCodeFlowOnceAndOnlyForTheRegisteredClient()
      throws Exception {
    String origin = "http://localhost:18999";
    try (DevIssuer issuer =
        DevIssuer.start(
            0,
            SigningKey.of(io.smallrye.jwt.util.KeyUtils.generateKeyPair(2048).getPrivate()),
            SECRET,
            Duration.ofMinutes(5),
            new WebClient("web", "web-secret", java.util.List.of(origin)))) {
      JsonNode discovery = get(issuer.issuer() + "/.well-known/openid-configuration");
      assertThat(discovery.path("authorization_endpoint").asText())
          .isEqualTo(issuer.issuer() + "/authorize");
      assertThat(discovery.path("end_session_endpoint").asText())
          .isEqualTo(issuer.issuer() + "/logout");
      String callback = origin + WebClient.CALLBACK_PATH;
      String verifier = "a-long-enough-pkce-code-verifier-0123456789abcdefghijkl";
      String challenge =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      String request =
          "response_type=code&client_id=web&scope=openid&state=s1&nonce=n1&code_challenge_method=S256"
              + "&code_challenge="
              + challenge
              + "&redirect_uri="
              + java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8);

      // The login page lists the people of the pages; an unregistered redirect URI gets no page.
      HttpResponse<String> page = getRaw(issuer.issuer() + "/authorize?" + request);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("Forløbskoordinator Karen Kofoed", "Patientvejleder", "Søren Sikker", "cpr")
          .doesNotContain("Gitte Poulsen");
      assertThat(
              getRaw(issuer.issuer() + "/authorize?" + request.replace("18999", "1")).statusCode())
          .isEqualTo(400);

      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer.issuer() + "/authorize"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(request + "&username=coordinator"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(302);
      String location = login.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith(callback + "?code=").endsWith("&state=s1");
      String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
      String grant =
          "grant_type=authorization_code&code="
              + code
              + "&redirect_uri="
              + java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8);
      String basic = "Basic " + Base64.getEncoder().encodeToString("web:web-secret".getBytes(UTF8));

      assertThat(token(issuer, "Basic d2ViOndyb25n", grant + "&code_verifier=" + verifier))
          .as("wrong client secret")
          .extracting(HttpResponse::statusCode)
          .isEqualTo(401);
      HttpResponse<String> tokens = token(issuer, basic, grant + "&code_verifier=" + verifier);
      assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
      JsonNode answer = json.readTree(tokens.body());
      JsonNode id = claims(answer.path("id_token").asText());
      assertThat(id.path("aud").toString()).contains("web");
      assertThat(id.path("nonce").asText()).isEqualTo("n1");
      assertThat(id.path("sub").asText()).isEqualTo("demo-koordinator-1");
      JsonNode access = claims(answer.path("access_token").asText());
      assertThat(access.path("aud").toString()).contains("stafet");
      assertThat(access.path("name").asText()).isEqualTo("Forløbskoordinator Karen Kofoed");
      assertThat(token(issuer, basic, grant + "&code_verifier=" + verifier).statusCode())
          .as("a code is used once")
          .isEqualTo(400);

      // Logout goes back to the client's registered logged-out page only.
      HttpResponse<String> logout =
          getRaw(
              issuer.issuer()
                  + "/logout?post_logout_redirect_uri="
                  + java.net.URLEncoder.encode(
                      origin + WebClient.LOGGED_OUT_PATH, StandardCharsets.UTF_8));
      assertThat(logout.statusCode()).isEqualTo(302);
      assertThat(logout.headers().firstValue("Location")).hasValue(origin + "/logged-out");
      assertThat(
              getRaw(issuer.issuer() + "/logout?post_logout_redirect_uri=http%3A%2F%2Fevil")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aCodeNeedsItsPkceVerifierAndTheCitizenLogsInWithACprNumber() throws Exception {
    String origin = "http://localhost:18999";
    try (DevIssuer issuer =
        DevIssuer.start(
            0,
            SigningKey.of(io.smallrye.jwt.util.KeyUtils.generateKeyPair(2048).getPrivate()),
            SECRET,
            Duration.ofMinutes(5),
            new WebClient("web", "web-secret", java.util.List.of(origin)))) {
      String callback = java.net.URLEncoder.encode(origin + WebClient.CALLBACK_PATH, UTF8);
      String request =
          "response_type=code&client_id=web&code_challenge_method=S256&code_challenge=abc"
              + "&redirect_uri="
              + callback;
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer.issuer() + "/authorize"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          request + "&username=patient-portal&cpr=010170-1234"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = login.headers().firstValue("Location").orElseThrow();
      String code = location.substring(location.indexOf("code=") + 5);
      String grant =
          "grant_type=authorization_code&client_id=web&client_secret=web-secret&redirect_uri="
              + callback
              + "&code="
              + code;
      assertThat(token(issuer, null, grant + "&code_verifier=wrong").statusCode()).isEqualTo(400);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private HttpResponse<String> token(DevIssuer issuer, String authorization, String form)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(issuer.issuer() + "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getRaw(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode claims(String token) throws Exception {
    return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private JsonNode get(String url) throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private JsonNode post(DevIssuer issuer, String form) throws Exception {
    HttpResponse<String> r = send(issuer, form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private HttpResponse<String> send(DevIssuer issuer, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(issuer.issuer() + "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
