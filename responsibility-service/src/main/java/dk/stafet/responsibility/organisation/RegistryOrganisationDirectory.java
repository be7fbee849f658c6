package dk.stafet.responsibility.organisation;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.responsibility.domain.OrganisationKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The shared organisation register (contracts) seen through the domain's organisation kinds. A
 * hospital as a whole counts as a hospital department here: a referral or handover addressed to the
 * institution is hospital-owned.
 */
@ApplicationScoped
public class RegistryOrganisationDirectory implements OrganisationDirectory {

  private final OrganisationRegistry registry;

  public RegistryOrganisationDirectory(OrganisationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<OrganisationInfo> bySor(String sor) {
    if (sor == null || sor.isBlank()) {
      return Optional.empty();
    }
    return registry.bySor(sor.trim()).map(RegistryOrganisationDirectory::info);
  }

  private static OrganisationInfo info(Organisation o) {
    return new OrganisationInfo(
        o.sor(),
        o.name(),
        kind(o.kind()),
        o.phone(),
        o.openingHours() == null ? null : o.openingHours().text());
  }

  static OrganisationKind kind(dk.stafet.contracts.registry.OrganisationKind kind) {
    return switch (kind) {
      case HOSPITAL, HOSPITAL_DEPARTMENT -> OrganisationKind.HOSPITAL_DEPARTMENT;
      case GP -> OrganisationKind.GP;
      case OUT_OF_HOURS -> OrganisationKind.OUT_OF_HOURS_SERVICE;
      case SPECIALIST -> OrganisationKind.PRACTISING_SPECIALIST;
      case MUNICIPALITY -> OrganisationKind.MUNICIPALITY;
    };
  }
}
