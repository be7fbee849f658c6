package dk.stafet.web.view;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import io.quarkus.qute.TemplateExtension;
import java.util.Optional;

/**
 * Organisation names and kinds from contracts' registry, for templates: {@code
 * {org:name(h.toSor)}}. An unknown SOR code is shown as the code itself. Every value is escaped by
 * Qute like any other text.
 */
@TemplateExtension(namespace = "org")
public final class Organisations {

  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();

  private Organisations() {}

  public static Optional<Organisation> find(String sor) {
    return sor == null ? Optional.empty() : REGISTRY.bySor(sor);
  }

  static String name(String sor) {
    if (sor == null || sor.isBlank()) {
      return "—";
    }
    return find(sor).map(Organisation::name).orElse(sor);
  }

  /** HOSPITAL, HOSPITAL_DEPARTMENT, GP, OUT_OF_HOURS, SPECIALIST, MUNICIPALITY or UNKNOWN. */
  static String kind(String sor) {
    return find(sor).map(o -> o.kind().name()).orElse("UNKNOWN");
  }

  static String phone(String sor) {
    return find(sor).map(Organisation::phone).orElse("");
  }

  /** The organisation found by GLN (MedCom addresses messages by GLN), or the GLN itself. */
  static String byGln(String gln) {
    if (gln == null || gln.isBlank()) {
      return "—";
    }
    return REGISTRY.byGln(gln).map(Organisation::name).orElse(gln);
  }
}
