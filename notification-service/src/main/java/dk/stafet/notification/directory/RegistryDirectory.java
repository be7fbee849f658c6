package dk.stafet.notification.directory;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The {@link Directory} over Stafet's organisation register. A unit without a GLN of its own is
 * addressed through its parent SOR unit (MedCom: "no GLN on a department → send from the parent SOR
 * unit").
 */
@ApplicationScoped
public class RegistryDirectory implements Directory {

  private final OrganisationRegistry registry;

  public RegistryDirectory(OrganisationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<Party> bySor(String sor) {
    return registry.bySor(sor).map(this::addressable);
  }

  @Override
  public Optional<Party> byGln(String gln) {
    return registry.byGln(gln).map(this::addressable);
  }

  @Override
  public Optional<Party> municipality(String municipalityCode) {
    return registry.municipality(municipalityCode).map(this::addressable);
  }

  private Party addressable(Organisation organisation) {
    Organisation addressed = organisation;
    if (!OrganisationRegistry.isValidGln(organisation.gln()) && organisation.parentSor() != null) {
      addressed = registry.bySor(organisation.parentSor()).orElse(organisation);
    }
    return new Party(
        addressed.sor(),
        addressed.gln(),
        addressed.name(),
        organisation.kind().name(),
        organisation.acknowledges(),
        organisation.municipalityCode());
  }
}
