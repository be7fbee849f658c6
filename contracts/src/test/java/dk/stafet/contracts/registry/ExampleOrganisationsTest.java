package dk.stafet.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomExamples;
import dk.stafet.contracts.medcom.MedcomSystems;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

class ExampleOrganisationsTest {

  private final OrganisationRegistry registry = OrganisationRegistry.standard();

  @Test
  void everyOrganisationInMedcomsExamplesIsKnown() {
    MedcomCodec codec = new MedcomCodec();
    for (Path file : MedcomExamples.allExampleFiles()) {
      Bundle bundle = codec.parse(MedcomExamples.read(file), (String) null);
      bundle.getEntry().stream()
          .map(Bundle.BundleEntryComponent::getResource)
          .filter(Organization.class::isInstance)
          .map(Organization.class::cast)
          .forEach(
              organisation ->
                  organisation
                      .getIdentifier()
                      .forEach(
                          id -> {
                            if (MedcomSystems.SOR.equals(id.getSystem())) {
                              assertThat(registry.isKnown(id.getValue()))
                                  .as("SOR in " + file.getFileName())
                                  .isTrue();
                            } else if (MedcomSystems.GLN.equals(id.getSystem())) {
                              assertThat(registry.byGln(id.getValue()))
                                  .as("GLN in " + file.getFileName())
                                  .isPresent();
                            }
                          }));
    }
  }

  @Test
  void glnCheckDigitFollowsGs1() {
    assertThat(Gln.checkDigit("579000020935")).isEqualTo(4);
    assertThat(Gln.isValid("5790001348120")).isTrue();
    assertThat(Gln.isValid("5790001348121")).isFalse();
    assertThat(Gln.isValid("579000134812A")).isFalse();
  }

  @Test
  void coversTheRegionsMunicipalitiesAndOneTypeCReceiver() {
    for (String code : new String[] {"751", "730", "740", "791", "615", "657", "661", "746"}) {
      assertThat(registry.municipality(code)).as(code).isPresent();
    }
    assertThat(registry.ofKind(OrganisationKind.MUNICIPALITY))
        .filteredOn(o -> !o.acknowledges())
        .isNotEmpty();
    assertThat(registry.ofKind(OrganisationKind.GP))
        .hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(gp -> assertThat(gp.availability()).isEqualTo(Availability.GP_HOURS));
    assertThat(registry.outOfHoursService("Midtjylland"))
        .hasValueSatisfying(
            service -> assertThat(service.availability()).isEqualTo(Availability.OUT_OF_HOURS));
    assertThat(registry.all())
        .filteredOn(Organisation::synthetic)
        .allSatisfy(o -> assertThat(o.sor()).startsWith("99900"));
  }
}
