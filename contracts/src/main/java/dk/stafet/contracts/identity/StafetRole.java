package dk.stafet.contracts.identity;

/**
 * What a caller may do beyond acting for its own organisation, carried in the token's {@code
 * groups} claim (the claim MicroProfile JWT maps to roles). The issuer grants them; the services
 * only read them (docs/security.md).
 */
public enum StafetRole {
  /**
   * A person (or system) of a care organisation acting for it: sees the patients that organisation
   * is involved in.
   */
  STAFF,
  /** A course coordinator / patient advisor: reads any known patient's data, audited as such. */
  COORDINATOR,
  /** The region's security officer: reads the audit trail. */
  SECURITY_OFFICER,
  /**
   * The national register feed (CPR / the GP register): the only caller that may set a patient's
   * listed GP.
   */
  NATIONAL_REGISTER,
  /**
   * The patient portal ("mit forløb") acting for ONE citizen, named by {@link TokenClaims#PATIENT}
   * (a pseudonym).
   */
  PATIENT_PORTAL
}
