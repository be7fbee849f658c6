package dk.stafet.issuer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one web application the development issuer logs users in for (coordinator-web): its client id
 * and secret, and the origins it runs on. A redirect after login must be exactly {@code
 * <origin>}{@value #CALLBACK_PATH}, one after logout exactly {@code <origin>}{@value
 * #LOGGED_OUT_PATH}, as an OpenID provider checks registered redirect URIs.
 */
public final class WebClient {

  public static final String CALLBACK_PATH = "/login/callback";
  public static final String LOGGED_OUT_PATH = "/logged-out";

  /** The local run's client (./stafet up; coordinator-web's application.properties). */
  public static final String DEFAULT_ID = "coordinator-web";

  public static final String DEFAULT_SECRET =
      "local-development-client-secret-change-me-0123456789";

  private final String id;
  private final String secret;
  private final Set<String> origins = ConcurrentHashMap.newKeySet();

  public WebClient(String id, String secret, Iterable<String> origins) {
    this.id = id;
    this.secret = secret;
    origins.forEach(this::allowOrigin);
  }

  public String id() {
    return id;
  }

  boolean secretMatches(String given) {
    return given != null
        && java.security.MessageDigest.isEqual(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Lets the client run on one more origin ({@code http://host:port}, no trailing slash). */
  public void allowOrigin(String origin) {
    origins.add(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
  }

  boolean isCallback(String uri) {
    return uri != null && origins.stream().anyMatch(o -> uri.equals(o + CALLBACK_PATH));
  }

  boolean isLoggedOutPage(String uri) {
    return uri != null && origins.stream().anyMatch(o -> uri.equals(o + LOGGED_OUT_PATH));
  }
}
