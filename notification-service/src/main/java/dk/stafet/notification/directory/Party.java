package dk.stafet.notification.directory;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;

/**
 * An organisation as notification-service needs it: how to address it in MedCom (SOR, GLN, name),
 * what it is, and whether it answers with acknowledgements.
 *
 * @param kind the registry's organisation kind, e.g. {@code MUNICIPALITY}, {@code GP}, {@code
 *     HOSPITAL_DEPARTMENT}
 * @param acknowledges false for receivers that cannot acknowledge (e.g. a municipality of receiver
 *     type C)
 * @param municipalityCode the municipality code the organisation belongs to (a municipality's own
 *     code), or null
 */
public record Party(
    String sor,
    String gln,
    String name,
    String kind,
    boolean acknowledges,
    String municipalityCode) {

  public boolean hasGln() {
    return gln != null && gln.matches("\\d{13}");
  }

  public boolean isKind(String wanted) {
    return wanted.equals(kind);
  }

  /** The party as a MedCom Organization (SOR, GLN, name). */
  public OrganisationView asOrganisation() {
    return new OrganisationView(null, sor, gln, name);
  }
}
