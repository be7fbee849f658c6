package dk.stafet.issuer;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.contracts.identity.TokenClaims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs access tokens for identities: RS256 with SmallRye JWT Build, issuer and audience {@value
 * TokenClaims#AUDIENCE}, the Stafet claims of {@link TokenClaims}. The development issuer and
 * test-support's token helper both sign here, so the tests prove the tokens the local run hands
 * out.
 */
public final class IdentityTokens {

  private final String issuer;
  private final PrivateKey key;
  private final String keyId;

  public IdentityTokens(String issuer, PrivateKey key, String keyId) {
    this.issuer = issuer;
    this.key = key;
    this.keyId = keyId;
  }

  public String issuer() {
    return issuer;
  }

  /** A token for this identity, valid from now for {@code lifetime}. */
  public String sign(DemoIdentity identity, String patientPseudonym, Duration lifetime) {
    return sign(identity, patientPseudonym, Instant.now(), lifetime, TokenClaims.AUDIENCE);
  }

  /**
   * @param patientPseudonym the citizen a patient-portal token acts for (required then, refused
   *     otherwise)
   * @param issuedAt when the token was issued (tests back-date it to make an expired one)
   * @param audience who the token is for ({@value TokenClaims#AUDIENCE}; tests try another)
   */
  public String sign(
      DemoIdentity identity,
      String patientPseudonym,
      Instant issuedAt,
      Duration lifetime,
      String audience) {
    return claims(identity, patientPseudonym, issuedAt, lifetime, audience)
        .jws()
        .keyId(keyId)
        .sign(key);
  }

  /**
   * The OpenID Connect ID token of a login: for the client ({@code aud}), with the nonce the client
   * asked with, and the same person, organisation and roles as the access token (the web
   * application reads its user's name and roles from it).
   */
  public String signIdToken(
      DemoIdentity identity,
      String patientPseudonym,
      String clientId,
      String nonce,
      Duration lifetime) {
    Instant now = Instant.now();
    JwtClaimsBuilder claims = claims(identity, patientPseudonym, now, lifetime, clientId);
    claims.claim("azp", clientId).claim("auth_time", now.getEpochSecond());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    return claims.jws().keyId(keyId).sign(key);
  }

  private JwtClaimsBuilder claims(
      DemoIdentity identity,
      String patientPseudonym,
      Instant issuedAt,
      Duration lifetime,
      String audience) {
    boolean portal = identity.has(StafetRole.PATIENT_PORTAL);
    if (portal != (patientPseudonym != null)) {
      throw new IllegalArgumentException(
          portal
              ? "a patient-portal token must name its citizen"
              : "only a patient-portal token names a citizen");
    }
    Set<String> roles = identity.roles().stream().map(Enum::name).collect(Collectors.toSet());
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .audience(audience)
            .subject(identity.subject())
            .claim("jti", UUID.randomUUID().toString())
            .claim(TokenClaims.NAME, identity.name())
            .claim(TokenClaims.ORGANISATION, identity.organisationSor())
            .claim(TokenClaims.ORGANISATION_KIND, identity.organisationKind())
            .groups(roles)
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(lifetime));
    if (patientPseudonym != null) {
      claims.claim(TokenClaims.PATIENT, patientPseudonym);
    }
    return claims;
  }
}
