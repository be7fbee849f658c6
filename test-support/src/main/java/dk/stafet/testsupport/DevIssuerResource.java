package dk.stafet.testsupport;

import dk.stafet.issuer.DevIssuer;
import dk.stafet.issuer.SigningKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;
import java.time.Duration;
import java.util.Map;

/**
 * The development token issuer, started in the test JVM on a free port with a fresh key, for
 * applications that obtain tokens themselves (coordinator-web):
 * {@code @WithTestResource(DevIssuerResource.class)}. Sets {@code stafet.web.issuer-url}.
 */
public class DevIssuerResource implements QuarkusTestResourceLifecycleManager {

  private DevIssuer issuer;

  @Override
  public Map<String, String> start() {
    try {
      issuer =
          DevIssuer.start(
              0,
              SigningKey.of(KeyUtils.generateKeyPair(2048).getPrivate()),
              TestTokens.PSEUDONYM_SECRET,
              Duration.ofHours(1));
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
