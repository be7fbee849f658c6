package dk.stafet.testsupport;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.contracts.identity.TokenClaims;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.issuer.DemoIdentity;
import dk.stafet.issuer.IdentityTokens;
import dk.stafet.issuer.SigningKey;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for tests, signed like the development issuer's (same code, {@link IdentityTokens})
 * with a test key pair that the services' test profile trusts ({@code %test.mp.jwt.verify.*} in
 * service-support): every test request goes through the real SmallRye JWT verification. Use {@code
 * given().auth().oauth2(TestTokens.forOrganisation(sor))} or the header {@code Authorization:
 * }{@link #bearer}.
 */
public final class TestTokens {

  /** The issuer the test profile trusts. */
  public static final String ISSUER = "https://issuer.stafet.test";

  /**
   * The pseudonym secret of the services' test profile (their default): the portal's citizen
   * pseudonym uses it.
   */
  public static final String PSEUDONYM_SECRET = "local-development-secret-change-me";

  public static final String COORDINATOR_SOR = DemoIdentity.COORDINATION_SOR;
  public static final String PATIENT_PORTAL_SOR = DemoIdentity.PATIENT_PORTAL_SOR;
  public static final String SECURITY_SOR = DemoIdentity.SECURITY_SOR;
  public static final String NATIONAL_REGISTER_SOR = DemoIdentity.NATIONAL_REGISTER_SOR;

  private static final Duration LIFETIME = Duration.ofHours(2);
  private static final IdentityTokens TRUSTED =
      new IdentityTokens(
          ISSUER,
          key("test-token-private.pem").privateKey(),
          key("test-token-private.pem").keyId());
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();

  private TestTokens() {}

  /**
   * A token acting for this organisation: the coordinator for {@link #COORDINATOR_SOR}, the
   * national register feed for {@link #NATIONAL_REGISTER_SOR}, the security officer for {@link
   * #SECURITY_SOR}, else a member of its staff. (The patient portal needs its citizen: {@link
   * #portalFor}.)
   */
  public static String forOrganisation(String sor) {
    return CACHE.computeIfAbsent(sor, s -> TRUSTED.sign(identity(s), null, LIFETIME));
  }

  public static String coordinator() {
    return forOrganisation(COORDINATOR_SOR);
  }

  public static String nationalRegister() {
    return forOrganisation(NATIONAL_REGISTER_SOR);
  }

  public static String securityOfficer() {
    return forOrganisation(SECURITY_SOR);
  }

  /**
   * The patient portal acting for the citizen with this CPR number (the token carries the pseudonym
   * only).
   */
  public static String portalFor(String cpr) {
    return portalForPatient(new PatientPseudonym(PSEUDONYM_SECRET).of(cpr.replace("-", "").trim()));
  }

  /** The patient portal acting for the citizen with this patient key (pseudonym). */
  public static String portalForPatient(String patientKey) {
    return TRUSTED.sign(portal(), patientKey, LIFETIME);
  }

  /** {@code Bearer <token>}: the value of the Authorization header. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  // ---- tokens the services must refuse (401) ----

  /** Signed by the trusted key, but expired an hour ago. */
  public static String expired(String sor) {
    return TRUSTED.sign(
        identity(sor),
        null,
        Instant.now().minus(Duration.ofHours(2)),
        Duration.ofHours(1),
        TokenClaims.AUDIENCE);
  }

  /** Right claims, signed by a key nobody trusts. */
  public static String wronglySigned(String sor) {
    try {
      SigningKey stranger = SigningKey.of(KeyUtils.generateKeyPair(2048).getPrivate());
      return new IdentityTokens(ISSUER, stranger.privateKey(), stranger.keyId())
          .sign(identity(sor), null, LIFETIME);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed by the trusted key for another audience. */
  public static String forAudience(String sor, String audience) {
    return TRUSTED.sign(identity(sor), null, Instant.now(), LIFETIME, audience);
  }

  /** Signed by the trusted key, naming another issuer. */
  public static String fromIssuer(String sor, String issuer) {
    SigningKey key = key("test-token-private.pem");
    return new IdentityTokens(issuer, key.privateKey(), key.keyId())
        .sign(identity(sor), null, LIFETIME);
  }

  private static DemoIdentity identity(String sor) {
    return switch (sor) {
      case COORDINATOR_SOR -> role(sor, "COORDINATION", StafetRole.COORDINATOR);
      case NATIONAL_REGISTER_SOR -> role(sor, "NATIONAL_REGISTER", StafetRole.NATIONAL_REGISTER);
      case SECURITY_SOR -> role(sor, "REGION", StafetRole.SECURITY_OFFICER);
      default ->
          DemoIdentity.staff(
              sor, REGISTRY.bySor(sor).map(Organisation::kind).map(Enum::name).orElse("UNKNOWN"));
    };
  }

  private static DemoIdentity portal() {
    return role(PATIENT_PORTAL_SOR, "PATIENT_PORTAL", StafetRole.PATIENT_PORTAL);
  }

  private static DemoIdentity role(String sor, String kind, StafetRole role) {
    return new DemoIdentity(
        "test-" + role.name().toLowerCase(),
        "test-" + role.name().toLowerCase() + "-person",
        "Test " + role.name().toLowerCase().replace('_', ' '),
        sor,
        kind,
        Set.of(role));
  }

  private static SigningKey key(String resource) {
    try (InputStream in = TestTokens.class.getResourceAsStream("tokens/" + resource)) {
      return SigningKey.of(
          KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
