package dk.stafet.referral.course.rest;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.util.List;

/** Real SOR codes of the organisation register shipped with contracts, by kind. */
final class RegistryFixture {

  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();

  private RegistryFixture() {}

  static String sorOf(String kind) {
    return nth(kind, 0);
  }

  static String otherSorOf(String kind) {
    return nth(kind, 1);
  }

  private static String nth(String kind, int index) {
    List<Organisation> ofKind = REGISTRY.ofKind(OrganisationKind.valueOf(kind));
    return ofKind.get(index).sor();
  }
}
