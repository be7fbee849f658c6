package dk.stafet.contracts.registry;

import java.util.Optional;

/**
 * One organisation Stafet knows.
 *
 * @param sor SOR code (MedCom routes on it)
 * @param gln EAN/GLN location number (13 digits, GS1 check digit)
 * @param parentSor SOR of the parent unit (a department's hospital), or null
 * @param municipalityCode three-digit municipality code where relevant, or null
 * @param acknowledges false for receivers that cannot send MedCom acknowledgements (KOMBIT type C)
 * @param synthetic true when SOR and GLN are made up (everything except MedCom's example
 *     organisations)
 * @param region "Midtjylland" for Stafet's region; MedCom's example organisations are in
 *     "Hovedstaden"
 */
public record Organisation(
    String sor,
    String gln,
    String name,
    OrganisationKind kind,
    String parentSor,
    String municipalityCode,
    String phone,
    OpeningHours openingHours,
    boolean acknowledges,
    boolean synthetic,
    String note,
    String region) {

  public Availability availability() {
    return openingHours.availability();
  }

  public Optional<String> parent() {
    return Optional.ofNullable(parentSor);
  }

  /** MedCom endpoint for this unit: {@code https://sor2.sum.dsdn.dk/#id=<SOR>}. */
  public String medcomEndpoint() {
    return "https://sor2.sum.dsdn.dk/#id=" + sor;
  }
}
