package dk.stafet.service.security;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.contracts.identity.TokenClaims;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who makes the current HTTP request, as its bearer token proves: the organisation (SOR code) it
 * acts for and that organisation's kind, its roles ({@link StafetRole}), the person (token subject
 * and name) and, for the patient portal, the one citizen it acts for (a pseudonym). SmallRye JWT
 * has checked the token's signature, issuer, audience and expiry before any of this is read
 * (docs/security.md, "The caller"); a request without a valid token, or with a token naming no
 * organisation, has no caller ({@link #requireOrganisation} answers 401).
 *
 * <p>The token is read on first use, not before: the services turn off proactive authentication so
 * that a missing or bad token reaches their own 401 problem rather than a bare challenge.
 */
@RequestScoped
public class Caller {

  /**
   * SOR codes are opaque digit strings (15–16 digits in practice); a token naming anything else
   * names no caller.
   */
  private static final Pattern SOR = Pattern.compile("\\d{1,20}");

  /** What a verified token says, as far as Stafet reads it. */
  public record Identity(
      String organisationSor,
      String organisationKind,
      Set<StafetRole> roles,
      String subject,
      String name,
      String citizen) {

    public Identity {
      roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }
  }

  private final Instance<SecurityIdentity> securityIdentity;
  private boolean resolved;
  private Identity identity;

  public Caller(Instance<SecurityIdentity> securityIdentity) {
    this.securityIdentity = securityIdentity;
  }

  /** The organisation the caller acts for, empty when the request carries no valid token. */
  public Optional<String> organisation() {
    return identity().map(Identity::organisationSor);
  }

  /**
   * The caller's SOR code. @throws NotAuthenticatedException when the request carries no valid
   * token
   */
  public String requireOrganisation() {
    return organisation().orElseThrow(NotAuthenticatedException::new);
  }

  /**
   * The organisation's kind as the token names it: HOSPITAL_DEPARTMENT, GP, MUNICIPALITY,
   * COORDINATION, ...
   */
  public Optional<String> organisationKind() {
    return identity().map(Identity::organisationKind);
  }

  public boolean has(StafetRole role) {
    return identity().map(i -> i.roles().contains(role)).orElse(false);
  }

  public Set<StafetRole> roles() {
    return identity().map(Identity::roles).orElse(Set.of());
  }

  /**
   * Only callers in this role may go on. @throws NotAuthenticatedException without a valid token
   *
   * @throws NotAuthorisedException when the caller lacks the role (403; say who may in {@code
   *     what})
   */
  public String requireRole(StafetRole role, String what) {
    String sor = requireOrganisation();
    if (!has(role)) {
      throw new NotAuthorisedException(what, role);
    }
    return sor;
  }

  /** The person (token subject): whom the audit trail names. */
  public Optional<String> personSubject() {
    return identity().map(Identity::subject);
  }

  public Optional<String> personName() {
    return identity().map(Identity::name);
  }

  /**
   * True if the caller is the patient portal acting for the citizen with this pseudonym (the
   * token's own citizen).
   */
  public boolean actsForCitizen(String patientKey) {
    return has(StafetRole.PATIENT_PORTAL)
        && patientKey != null
        && identity().map(Identity::citizen).filter(patientKey::equals).isPresent();
  }

  public Optional<Identity> identity() {
    if (!resolved) {
      resolved = true;
      identity = verified().flatMap(Caller::fromToken).orElse(null);
    }
    return Optional.ofNullable(identity);
  }

  private Optional<JsonWebToken> verified() {
    try {
      SecurityIdentity current = securityIdentity.get();
      return current.isAnonymous() || !(current.getPrincipal() instanceof JsonWebToken token)
          ? Optional.empty()
          : Optional.of(token);
    } catch (RuntimeException e) {
      if (e instanceof AuthenticationException) {
        // Expired, wrongly signed, wrong issuer or audience: no caller, so the service's own 401
        // problem.
        return Optional.empty();
      }
      throw e;
    }
  }

  static Optional<Identity> fromToken(JsonWebToken token) {
    return fromClaims(name -> token.getClaim(name), token.getGroups(), token.getSubject());
  }

  /** The identity in a token's claims; empty unless it names an organisation by a SOR code. */
  static Optional<Identity> fromClaims(
      Function<String, Object> claims, Collection<String> groups, String subject) {
    String sor = text(claims.apply(TokenClaims.ORGANISATION));
    if (sor == null || !SOR.matcher(sor).matches()) {
      return Optional.empty();
    }
    Set<StafetRole> roles = EnumSet.noneOf(StafetRole.class);
    for (String group : groups == null ? Set.<String>of() : groups) {
      for (StafetRole role : StafetRole.values()) {
        if (role.name().equals(group)) {
          roles.add(role);
        }
      }
    }
    return Optional.of(
        new Identity(
            sor,
            text(claims.apply(TokenClaims.ORGANISATION_KIND)),
            roles,
            subject,
            text(claims.apply(TokenClaims.NAME)),
            text(claims.apply(TokenClaims.PATIENT))));
  }

  private static String text(Object claim) {
    if (claim == null) {
      return null;
    }
    // SmallRye returns JSON-P values for some claims; their toString of a JSON string keeps the
    // quotes.
    String s = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    return s.isBlank() ? null : s.trim();
  }
}
