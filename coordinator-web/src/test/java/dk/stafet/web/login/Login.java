package dk.stafet.web.login;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Logs a demo person in to the pages through the real authorization-code flow, as a browser would:
 * the page redirects to the development issuer's login page, the person's button is posted there,
 * the issuer redirects back with a code, and Quarkus OIDC exchanges it and sets the session cookie.
 * The tests then use the pages with that session.
 */
public final class Login {

  private static final Map<String, Map<String, String>> SESSIONS = new ConcurrentHashMap<>();

  private Login() {}

  /** The session cookies of this demo person (logged in once per issuer and person). */
  public static Map<String, String> as(String username) {
    return as(username, null);
  }

  /** The citizen of "mit forløb", logged in with this CPR number (the MitID stand-in). */
  public static Map<String, String> asCitizen(String cpr) {
    return as("patient-portal", cpr);
  }

  /** A new session of this demo person (not shared with other tests). */
  public static Map<String, String> fresh(String username) {
    return logIn(
        ConfigProvider.getConfig().getValue("stafet.web.issuer-url", String.class), username, null);
  }

  /** Makes every RestAssured request of the test carry this person's session. */
  public static void useSessionOf(String username) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addCookies(as(username)).build();
  }

  public static void useSessionOfCitizen(String cpr) {
    RestAssured.requestSpecification = new RequestSpecBuilder().addCookies(asCitizen(cpr)).build();
  }

  private static Map<String, String> as(String username, String cpr) {
    String issuer = ConfigProvider.getConfig().getValue("stafet.web.issuer-url", String.class);
    return SESSIONS.computeIfAbsent(
        issuer + " " + username + " " + cpr, k -> logIn(issuer, username, cpr));
  }

  private static Map<String, String> logIn(String issuer, String username, String cpr) {
    // Without the session a test may have set for all its requests.
    var testSession = RestAssured.requestSpecification;
    RestAssured.requestSpecification = null;
    try {
      return logInAnonymously(issuer, username, cpr);
    } finally {
      RestAssured.requestSpecification = testSession;
    }
  }

  private static Map<String, String> logInAnonymously(String issuer, String username, String cpr) {
    Response start = anonymous().get("/");
    if (start.statusCode() != 302) {
      throw new AssertionError(
          "the page did not send the browser to log in: " + start.statusLine());
    }
    Map<String, String> cookies = new HashMap<>(start.getCookies());
    URI authorize = URI.create(start.header("Location"));
    if (!authorize.toString().startsWith(issuer + "/authorize?")) {
      throw new AssertionError("not the issuer's authorization endpoint: " + authorize);
    }
    String page = anonymous().get(authorize.toString()).then().statusCode(200).extract().asString();
    if (!page.contains("value=\"" + username + "\"")) {
      throw new AssertionError("the login page does not offer " + username);
    }
    String form =
        authorize.getRawQuery()
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + (cpr == null ? "" : "&cpr=" + URLEncoder.encode(cpr, StandardCharsets.UTF_8));
    Response loggedIn =
        anonymous()
            .contentType("application/x-www-form-urlencoded")
            .body(form)
            .post(issuer + "/authorize");
    if (loggedIn.statusCode() != 302) {
      throw new AssertionError("the issuer refused the login: " + loggedIn.asString());
    }
    Response back = anonymous().cookies(cookies).get(loggedIn.header("Location"));
    if (back.statusCode() != 302) {
      throw new AssertionError("the callback failed: " + back.statusLine());
    }
    Map<String, String> session = new HashMap<>();
    back.getDetailedCookies()
        .forEach(
            c -> {
              if (c.getValue() != null && !c.getValue().isEmpty() && c.getMaxAge() != 0) {
                session.put(c.getName(), c.getValue());
              }
            });
    if (session.keySet().stream().noneMatch(n -> n.startsWith("q_session"))) {
      throw new AssertionError("no session cookie after the callback: " + back.getHeaders());
    }
    return Map.copyOf(session);
  }

  /**
   * A request without following redirects (and without the test's session if it has cleared {@code
   * RestAssured.requestSpecification}).
   */
  public static io.restassured.specification.RequestSpecification anonymous() {
    return given(new RequestSpecBuilder().setUrlEncodingEnabled(false).build())
        .redirects()
        .follow(false);
  }
}
