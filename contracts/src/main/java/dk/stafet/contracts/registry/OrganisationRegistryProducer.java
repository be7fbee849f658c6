package dk.stafet.contracts.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One registry per service, loaded once. */
@ApplicationScoped
public class OrganisationRegistryProducer {

  @Produces
  @ApplicationScoped
  OrganisationRegistry organisationRegistry() {
    return OrganisationRegistry.standard();
  }
}
