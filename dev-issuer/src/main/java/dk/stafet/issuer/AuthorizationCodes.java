package dk.stafet.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization codes handed out after a login: random, single-use and short-lived, bound to
 * the client, the redirect URI and (PKCE, RFC 7636) the code challenge they were asked with.
 */
final class AuthorizationCodes {

  /** Who logged in, and what the client asked with. */
  record Grant(
      DemoIdentity identity,
      String citizen,
      String clientId,
      String redirectUri,
      String nonce,
      String codeChallenge,
      Instant expiresAt) {}

  static final Duration LIFETIME = Duration.ofSeconds(60);

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  AuthorizationCodes(Clock clock) {
    this.clock = clock;
  }

  String issue(
      DemoIdentity identity,
      String citizen,
      String clientId,
      String redirectUri,
      String nonce,
      String codeChallenge) {
    codes.values().removeIf(g -> g.expiresAt().isBefore(clock.instant()));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    codes.put(
        code,
        new Grant(
            identity,
            citizen,
            clientId,
            redirectUri,
            nonce,
            codeChallenge,
            clock.instant().plus(LIFETIME)));
    return code;
  }

  /**
   * The grant of this code if it is known, not expired, and asked for by the same client with the
   * same redirect URI and the verifier of its challenge. The code is gone afterwards either way: a
   * code is used once.
   */
  Optional<Grant> redeem(String code, String clientId, String redirectUri, String codeVerifier) {
    Grant grant = code == null ? null : codes.remove(code);
    if (grant == null
        || grant.expiresAt().isBefore(clock.instant())
        || !grant.clientId().equals(clientId)
        || !grant.redirectUri().equals(redirectUri)
        || !pkceMatches(grant.codeChallenge(), codeVerifier)) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  private static boolean pkceMatches(String challenge, String verifier) {
    if (challenge == null) {
      return verifier == null;
    }
    if (verifier == null) {
      return false;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
