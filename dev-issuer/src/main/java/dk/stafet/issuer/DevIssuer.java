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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
 * traffic uses). For the web pages it is an OpenID provider with the authorization-code flow:
 * {@code /authorize} shows a login page listing the demo people (no password), the code grant at
 * {@code /token} (client secret, exact redirect URI, single-use 60-second codes, PKCE) answers an
 * ID token and an access token, and {@code /logout} ends the session. It authenticates nobody:
 * whoever asks gets the token of any demo identity. Never run it where real data is
 * (docs/security.md).
 */
public final class DevIssuer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final SigningKey key;
  private final IdentityTokens tokens;
  private final PatientPseudonym pseudonym;
  private final Duration lifetime;
  private final OrganisationRegistry registry = OrganisationRegistry.standard();
  private final WebClient webClient;
  private final AuthorizationCodes codes = new AuthorizationCodes(Clock.systemUTC());

  private DevIssuer(
      HttpServer server,
      SigningKey key,
      String issuer,
      PatientPseudonym pseudonym,
      Duration lifetime,
      WebClient webClient) {
    this.server = server;
    this.key = key;
    this.tokens = new IdentityTokens(issuer, key.privateKey(), key.keyId());
    this.pseudonym = pseudonym;
    this.lifetime = lifetime;
    this.webClient = webClient;
  }

  /**
   * As {@link #start(int, SigningKey, String, Duration, WebClient)} with the local run's
   * coordinator-web ({@link WebClient#DEFAULT_ID} on 127.0.0.1:8084 and localhost:8084).
   */
  public static DevIssuer start(int port, SigningKey key, String pseudonymSecret, Duration lifetime)
      throws IOException {
    return start(
        port,
        key,
        pseudonymSecret,
        lifetime,
        new WebClient(
            WebClient.DEFAULT_ID,
            WebClient.DEFAULT_SECRET,
            List.of("http://127.0.0.1:8084", "http://localhost:8084")));
  }

  /**
   * Starts the issuer on 127.0.0.1:{@code port} (0 = any free port); its issuer URL is {@code
   * http://127.0.0.1:<port>}.
   *
   * @param pseudonymSecret the services' {@code stafet.pseudonym.secret}, so the portal's citizen
   *     pseudonym is theirs
   */
  public static DevIssuer start(
      int port, SigningKey key, String pseudonymSecret, Duration lifetime, WebClient webClient)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    DevIssuer dev =
        new DevIssuer(
            server, key, issuer, new PatientPseudonym(pseudonymSecret), lifetime, webClient);
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> dev.answer(exchange, "GET", dev::discovery));
    server.createContext(
        "/jwks", exchange -> dev.answer(exchange, "GET", e -> new Answer(200, key.jwks())));
    server.createContext("/identities", exchange -> dev.answer(exchange, "GET", dev::identities));
    server.createContext("/token", exchange -> dev.answer(exchange, "POST", dev::token));
    server.createContext("/authorize", dev::authorize);
    server.createContext("/logout", dev::logout);
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

  /** The web application it logs users in for (tests add the origin they run it on). */
  public WebClient webClient() {
    return webClient;
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
    doc.put("authorization_endpoint", issuer() + "/authorize");
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("end_session_endpoint", issuer() + "/logout");
    doc.put("response_types_supported", List.of("code"));
    doc.put("grant_types_supported", List.of("authorization_code"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("scopes_supported", List.of("openid", "profile"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
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
    if ("authorization_code".equals(form.get("grant_type"))) {
      return codeGrant(exchange, form);
    }
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

  /**
   * The code grant: the client proves itself (HTTP Basic or {@code client_secret} in the form), the
   * code must be its own, unused, unexpired, for the same redirect URI and match the PKCE verifier.
   */
  private Answer codeGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        clientId = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
        secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      }
    }
    if (!webClient.id().equals(clientId) || !webClient.secretMatches(secret)) {
      return error(401, "invalid_client", "unknown client or wrong secret");
    }
    Optional<AuthorizationCodes.Grant> grant =
        codes.redeem(
            form.get("code"), clientId, form.get("redirect_uri"), form.get("code_verifier"));
    if (grant.isEmpty()) {
      return error(
          400,
          "invalid_grant",
          "unknown, used or expired code, or another redirect_uri or code_verifier");
    }
    DemoIdentity who = grant.get().identity();
    String citizen = grant.get().citizen();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", tokens.sign(who, citizen, lifetime));
    answer.put(
        "id_token", tokens.signIdToken(who, citizen, clientId, grant.get().nonce(), lifetime));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", lifetime.toSeconds());
    answer.put("scope", "openid profile");
    return new Answer(200, JSON.writeValueAsString(answer));
  }

  /**
   * {@code GET /authorize}: the login page for a valid authorization request (a registered client
   * and its exact redirect URI, response type {@code code}); {@code POST /authorize}: the person
   * picked, so back to the client with a code. A bad request never redirects (the redirect URI is
   * not trusted then).
   */
  private void authorize(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Map<String, String> params =
          "POST".equals(method)
              ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              : form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
      String problem = authorizationProblem(params);
      if (problem != null) {
        html(exchange, 400, LoginPage.error(problem));
        return;
      }
      if ("GET".equals(method)) {
        html(exchange, 200, LoginPage.render(params, null));
        return;
      }
      if (!"POST".equals(method)) {
        html(exchange, 405, LoginPage.error("GET or POST only"));
        return;
      }
      Optional<DemoIdentity> who =
          Optional.ofNullable(params.get("username"))
              .flatMap(DemoIdentity::byUsername)
              .filter(DemoIdentity.pageUsers()::contains);
      if (who.isEmpty()) {
        html(exchange, 400, LoginPage.render(params, "Vælg en af personerne."));
        return;
      }
      String citizen;
      try {
        citizen = who.get().has(StafetRole.PATIENT_PORTAL) ? pseudonymOf(params.get("cpr")) : null;
      } catch (IllegalArgumentException e) {
        html(exchange, 400, LoginPage.render(params, "Skriv et CPR-nummer (10 cifre)."));
        return;
      }
      String code =
          codes.issue(
              who.get(),
              citizen,
              params.get("client_id"),
              params.get("redirect_uri"),
              params.get("nonce"),
              params.get("code_challenge"));
      String state = params.get("state");
      redirect(
          exchange,
          params.get("redirect_uri")
              + "?code="
              + encode(code)
              + (state == null ? "" : "&state=" + encode(state)));
    }
  }

  private String authorizationProblem(Map<String, String> params) {
    if (!webClient.id().equals(params.get("client_id"))) {
      return "unknown client_id";
    }
    if (!webClient.isCallback(params.get("redirect_uri"))) {
      return "redirect_uri is not registered for this client";
    }
    if (!"code".equals(params.get("response_type"))) {
      return "response_type must be code";
    }
    String method = params.get("code_challenge_method");
    if (params.get("code_challenge") != null && method != null && !"S256".equals(method)) {
      return "code_challenge_method must be S256";
    }
    return null;
  }

  /**
   * {@code GET /logout} (end_session_endpoint): the issuer keeps no login session of its own (every
   * login shows the page again), so this only sends the browser back to the client's registered
   * logged-out page, or says it is logged out.
   */
  private void logout(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> params =
          form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
      String back = params.get("post_logout_redirect_uri");
      if (webClient.isLoggedOutPage(back)) {
        String state = params.get("state");
        redirect(exchange, back + (state == null ? "" : "?state=" + encode(state)));
      } else {
        html(exchange, 200, LoginPage.loggedOut());
      }
    }
  }

  private static void html(HttpExchange exchange, int status, String page) throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(302, -1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
   * default), STAFET_ISSUER_TOKEN_LIFETIME (PT8H), and the web client: STAFET_ISSUER_CLIENT_ID
   * (coordinator-web), STAFET_ISSUER_CLIENT_SECRET, STAFET_ISSUER_WEB_ORIGINS (comma-separated).
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
            Duration.parse(env("STAFET_ISSUER_TOKEN_LIFETIME", "PT8H")),
            new WebClient(
                env("STAFET_ISSUER_CLIENT_ID", WebClient.DEFAULT_ID),
                env("STAFET_ISSUER_CLIENT_SECRET", WebClient.DEFAULT_SECRET),
                List.of(
                    env("STAFET_ISSUER_WEB_ORIGINS", "http://127.0.0.1:8084,http://localhost:8084")
                        .split(","))));
    Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
    System.out.println(
        "Stafet development token issuer on " + issuer.issuer() + " (key " + key.keyId() + ")");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
