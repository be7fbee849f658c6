package dk.stafet.responsibility.organisation;

import dk.stafet.responsibility.domain.OrgId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;

/**
 * What responsibility-service needs to know about an organisation: its kind (for the rules) and its
 * contact point (for who-to-call answers, R22).
 *
 * @param phone the line to call (a hospital department's 24-h line, the GP's direct line, …)
 * @param openingHours human-readable opening hours of that line, e.g. "24/7" or "Mon–Fri
 *     08:00–16:00"
 */
public record OrganisationInfo(
    String sor, String name, OrganisationKind kind, String phone, String openingHours) {

  public Organisation asDomain() {
    return new Organisation(OrgId.of(sor), kind);
  }
}
