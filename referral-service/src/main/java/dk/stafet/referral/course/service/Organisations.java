package dk.stafet.referral.course.service;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/** Checks SOR codes against the organisation register before they become part of a course fact. */
@ApplicationScoped
public class Organisations {

  public static final Set<OrganisationKind> HOSPITAL =
      EnumSet.of(OrganisationKind.HOSPITAL, OrganisationKind.HOSPITAL_DEPARTMENT);
  public static final Set<OrganisationKind> ANY = EnumSet.allOf(OrganisationKind.class);

  private final OrganisationRegistry registry;

  public Organisations(OrganisationRegistry registry) {
    this.registry = registry;
  }

  /**
   * The registered organisation {@code sor}, which must be of one of {@code kinds}.
   *
   * @param role the field it was given as, for the error message
   * @throws UnknownOrganisationException if it is unknown or of another kind
   */
  public Organisation require(String role, String sor, Set<OrganisationKind> kinds) {
    if (sor == null || sor.isBlank()) {
      throw new UnknownOrganisationException(role, "no SOR code given");
    }
    Organisation organisation =
        registry
            .bySor(sor.trim())
            .orElseThrow(
                () ->
                    new UnknownOrganisationException(
                        role, "SOR code " + sor + " is not in the organisation register"));
    if (!kinds.contains(organisation.kind())) {
      throw new UnknownOrganisationException(
          role, "SOR code " + sor + " is a " + organisation.kind() + ", expected one of " + kinds);
    }
    return organisation;
  }

  public OrganisationKind kindOf(String role, String sor) {
    return require(role, sor, ANY).kind();
  }
}
