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
