package dk.stafet.contracts.identity;

/**
 * The claims of a Stafet access token beyond the standard ones ({@code iss}, {@code aud}, {@code
 * exp}, {@code sub}, {@code groups}): what the development issuer writes and the services read. A
 * production identity provider maps its own attributes onto these names (docs/security.md).
 */
public final class TokenClaims {

  /** The audience every Stafet service accepts. */
  public static final String AUDIENCE = "stafet";

  /** The SOR code of the organisation the caller acts for. */
  public static final String ORGANISATION = "stafet_org";

  /**
   * What that organisation is: HOSPITAL_DEPARTMENT, GP, OUT_OF_HOURS, MUNICIPALITY, ACUTE_FUNCTION,
   * ...
   */
  public static final String ORGANISATION_KIND = "stafet_org_kind";

  /** The person's display name (standard OIDC claim). */
  public static final String NAME = "name";

  /** Roles ({@link StafetRole} names): the MicroProfile JWT claim the services map to roles. */
  public static final String ROLES = "groups";

  /**
   * For {@link StafetRole#PATIENT_PORTAL} only: the keyed pseudonym of the one citizen the portal
   * acts for. Never a CPR number: tokens travel in headers and end up in logs.
   */
  public static final String PATIENT = "stafet_patient";

  private TokenClaims() {}
}
