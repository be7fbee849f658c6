package dk.stafet.testsupport;

import dk.stafet.issuer.DevIssuer;
import dk.stafet.issuer.SigningKey;
import dk.stafet.issuer.WebClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The development token issuer, started in the test JVM on a free port with a fresh key, for
 * applications that obtain tokens themselves (coordinator-web):
 * {@code @WithTestResource(DevIssuerResource.class)}. Sets {@code stafet.web.issuer-url}; the web
 * client (coordinator-web, its default secret) may log users in on the test port {@value
 * #TEST_PORT}.
 */
public class DevIssuerResource implements QuarkusTestResourceLifecycleManager {

  /** coordinator-web's {@code quarkus.http.test-port}. */
  public static final int TEST_PORT = 18084;

  private DevIssuer issuer;

  @Override
  public Map<String, String> start() {
    try {
      issuer =
          DevIssuer.start(
              0,
              SigningKey.of(KeyUtils.generateKeyPair(2048).getPrivate()),
              TestTokens.PSEUDONYM_SECRET,
              Duration.ofHours(1),
              new WebClient(
                  WebClient.DEFAULT_ID,
                  WebClient.DEFAULT_SECRET,
                  List.of("http://localhost:" + TEST_PORT, "http://127.0.0.1:" + TEST_PORT)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the development token issuer", e);
    }
    return Map.of("stafet.web.issuer-url", issuer.issuer());
  }

  @Override
  public void stop() {
    if (issuer != null) {
      issuer.close();
    }
  }
}
