package dk.stafet.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The development token issuer the local run and the end-to-end tests start: {@code GET
 * /.well-known/openid-configuration}, {@code GET /jwks}, {@code GET /identities} and {@code POST
 * /token} (form {@code username=<demo identity>}, and for {@code patient-portal} also {@code
 * cpr=<the citizen's CPR number>}, which the issuer turns into the citizen's pseudonym and forgets;
 * or {@code organisation=<SOR>} for a system of any organisation in the register, as the demo
 * traffic uses). It authenticates nobody: whoever asks gets the token of any demo identity. Never
 * run it where real data is (docs/security.md).
 */
public final class DevIssuer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final SigningKey key;
  private final IdentityTokens tokens;
  private final PatientPseudonym pseudonym;
  private final Duration lifetime;
  private final OrganisationRegistry registry = OrganisationRegistry.standard();

  private DevIssuer(
      HttpServer server,
      SigningKey key,
      String issuer,
      PatientPseudonym pseudonym,
      Duration lifetime) {
    this.server = server;
    this.key = key;
    this.tokens = new IdentityTokens(issuer, key.privateKey(), key.keyId());
    this.pseudonym = pseudonym;
    this.lifetime = lifetime;
  }

  /**
   * Starts the issuer on 127.0.0.1:{@code port} (0 = any free port); its issuer URL is {@code
   * http://127.0.0.1:<port>}.
   *
   * @param pseudonymSecret the services' {@code stafet.pseudonym.secret}, so the portal's citizen
   *     pseudonym is theirs
   */
  public static DevIssuer start(int port, SigningKey key, String pseudonymSecret, Duration lifetime)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    DevIssuer dev =
        new DevIssuer(server, key, issuer, new PatientPseudonym(pseudonymSecret), lifetime);
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> dev.answer(exchange, "GET", dev::discovery));
    server.createContext(
        "/jwks", exchange -> dev.answer(exchange, "GET", e -> new Answer(200, key.jwks())));
    server.createContext("/identities", exchange -> dev.answer(exchange, "GET", dev::identities));
    server.createContext("/token", exchange -> dev.answer(exchange, "POST", dev::token));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return dev;
  }

  public String issuer() {
    return tokens.issuer();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String jwksUrl() {
    return issuer() + "/jwks";
  }

  /**
   * A token for a demo identity, as {@code POST /token} hands it out (for in-process callers such
   * as the ITs).
   */
  public String token(String username, String cpr) {
    return token(
        DemoIdentity.byUsername(username)
            .orElseThrow(() -> new IllegalArgumentException("no demo identity " + username)),
        cpr);
  }

  /**
   * A token acting for this organisation ({@link DemoIdentity#forOrganisation}): the demo traffic's
   * callers.
   */
  public String tokenForOrganisation(String sor) {
    return token(
        DemoIdentity.forOrganisation(sor, registry)
            .orElseThrow(
                () -> new IllegalArgumentException("no organisation " + sor + " in the register")),
        null);
  }

  private String token(DemoIdentity identity, String cpr) {
    String citizen = identity.has(StafetRole.PATIENT_PORTAL) ? pseudonymOf(cpr) : null;
    return tokens.sign(identity, citizen, lifetime);
  }

  private String pseudonymOf(String cpr) {
    if (cpr == null || cpr.isBlank()) {
      throw new IllegalArgumentException(
          "the patient portal acts for one citizen: give cpr=<10 digits>");
    }
    // The services pseudonymise the 10 digits without hyphen; so does the issuer, or the keys would
    // not agree.
    return pseudonym.of(CprNumber.parse(cpr).value());
  }

  private record Answer(int status, String json) {}

  private interface Handler {
    Answer handle(HttpExchange exchange) throws IOException;
  }

  private void answer(HttpExchange exchange, String method, Handler handler) throws IOException {
    try (exchange) {
      Answer answer;
      if (!method.equals(exchange.getRequestMethod())) {
        answer = error(405, "invalid_request", method + " only");
      } else {
        try {
          answer = handler.handle(exchange);
        } catch (IllegalArgumentException e) {
          answer = error(400, "invalid_request", e.getMessage());
        }
      }
      byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Answer discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer());
    doc.put("jwks_uri", jwksUrl());
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("grant_types_supported", List.of("password"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put(
        "claims_supported",
        List.of("sub", "name", "groups", "stafet_org", "stafet_org_kind", "stafet_patient"));
    return new Answer(200, JSON.writeValueAsString(doc));
  }

  private Answer identities(HttpExchange exchange) throws IOException {
    List<Map<String, Object>> list =
        DemoIdentity.standard().stream()
            .map(
                i -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("username", i.username());
                  m.put("name", i.name());
                  m.put("organisation", i.organisationSor());
                  m.put("organisationKind", i.organisationKind());
                  m.put("roles", i.roles().stream().map(Enum::name).sorted().toList());
                  return m;
                })
            .toList();
    return new Answer(200, JSON.writeValueAsString(list));
  }

  private Answer token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String username = Optional.ofNullable(form.get("username")).orElse(form.get("client_id"));
    String token;
    if (form.get("organisation") != null) {
      token = tokenForOrganisation(form.get("organisation"));
    } else if (username == null || DemoIdentity.byUsername(username).isEmpty()) {
      return error(400, "invalid_grant", "unknown demo identity; GET /identities lists them");
    } else {
      token = token(username, form.get("cpr"));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", token);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", lifetime.toSeconds());
    return new Answer(200, JSON.writeValueAsString(answer));
  }

  private static Answer error(int status, String error, String description) throws IOException {
    return new Answer(
        status, JSON.writeValueAsString(Map.of("error", error, "error_description", description)));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /**
   * {@code java -cp ... dk.stafet.issuer.DevIssuer}; environment: STAFET_ISSUER_PORT (8085),
   * STAFET_ISSUER_KEY_FILE (.stafet/issuer-key.pem), STAFET_PSEUDONYM_SECRET (the services' local
   * default), STAFET_ISSUER_TOKEN_LIFETIME (PT8H).
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("STAFET_ISSUER_PORT", "8085"));
    SigningKey key =
        SigningKey.loadOrCreate(Path.of(env("STAFET_ISSUER_KEY_FILE", ".stafet/issuer-key.pem")));
    DevIssuer issuer =
        start(
            port,
            key,
            env("STAFET_PSEUDONYM_SECRET", "local-development-secret-change-me"),
            Duration.parse(env("STAFET_ISSUER_TOKEN_LIFETIME", "PT8H")));
    Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
    System.out.println(
        "Stafet development token issuer on " + issuer.issuer() + " (key " + key.keyId() + ")");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
