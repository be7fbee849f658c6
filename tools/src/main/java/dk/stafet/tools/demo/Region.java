package dk.stafet.tools.demo;

import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The synthetic Central Denmark Region (Region Midtjylland) of the shared organisation register:
 * its hospitals and departments, GPs, out-of-hours service, practising specialists and
 * municipalities, and which hospital serves which municipality. Only synthetic organisations are
 * used, never those of MedCom's examples.
 */
final class Region {

  static final String NAME = "Midtjylland";

  /**
   * Municipality code → the municipality code of the hospital its citizens go to (Silkeborg:
   * Viborg; Holstebro: Gødstrup).
   */
  private static final Map<String, String> CATCHMENT =
      Map.of(
          "751", "751", "746", "751", "730", "730", "740", "791", "791", "791", "615", "615", "657",
          "657", "661", "657");

  /** Where a municipality without its own GP practice in the register lists its citizens. */
  private static final Map<String, String> NEIGHBOUR = Map.of("661", "657");

  /** Rough relative population of the municipalities (Aarhus is by far the largest). */
  private static final Map<String, Integer> WEIGHT =
      Map.of("751", 36, "730", 10, "740", 10, "791", 10, "615", 9, "657", 9, "661", 6, "746", 6);

  private final OrganisationRegistry registry;
  private final List<Organisation> municipalities;
  private final List<Organisation> specialists;
  private final Organisation outOfHours;

  Region(OrganisationRegistry registry) {
    this.registry = registry;
    this.municipalities = inRegion(OrganisationKind.MUNICIPALITY);
    this.specialists = inRegion(OrganisationKind.SPECIALIST);
    this.outOfHours =
        registry
            .outOfHoursService(NAME)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no out-of-hours service in the register for " + NAME));
    if (municipalities.isEmpty()
        || inRegion(OrganisationKind.GP).isEmpty()
        || inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).isEmpty()) {
      throw new IllegalStateException(
          "the register has no GPs, departments or municipalities in " + NAME);
    }
  }

  static Region standard() {
    return new Region(OrganisationRegistry.standard());
  }

  Organisation municipality(RandomGenerator random) {
    int total =
        municipalities.stream().mapToInt(m -> WEIGHT.getOrDefault(m.municipalityCode(), 3)).sum();
    int pick = random.nextInt(total);
    for (Organisation municipality : municipalities) {
      pick -= WEIGHT.getOrDefault(municipality.municipalityCode(), 3);
      if (pick < 0) {
        return municipality;
      }
    }
    return municipalities.get(0);
  }

  /** A GP practice in the municipality, else in its neighbour, else anywhere in the region. */
  Organisation gpFor(Organisation municipality, RandomGenerator random) {
    List<Organisation> gps = gpsIn(municipality.municipalityCode());
    if (gps.isEmpty()) {
      gps = gpsIn(NEIGHBOUR.getOrDefault(municipality.municipalityCode(), ""));
    }
    if (gps.isEmpty()) {
      gps = inRegion(OrganisationKind.GP);
    }
    return DanishNames.pick(gps, random);
  }

  Organisation hospitalFor(Organisation municipality) {
    String code = CATCHMENT.getOrDefault(municipality.municipalityCode(), "751");
    return inRegion(OrganisationKind.HOSPITAL).stream()
        .filter(h -> code.equals(h.municipalityCode()))
        .findFirst()
        .orElseGet(() -> inRegion(OrganisationKind.HOSPITAL).get(0));
  }

  List<Organisation> departmentsOf(Organisation hospital) {
    return inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).stream()
        .filter(d -> hospital.sor().equals(d.parentSor()))
        .toList();
  }

  /** The emergency department (Akutafdelingen) of the patient's hospital. */
  Organisation acuteDepartment(Organisation municipality) {
    return department(municipality, "Akut");
  }

  /** The medical department of the patient's hospital (in Aarhus: geriatrics, Ældresygdomme). */
  Organisation medicalDepartment(Organisation municipality) {
    return department(municipality, "Medicinsk", "Ældresygdomme");
  }

  /** Cardiology (Hjertesygdomme): the register has one, at Aarhus Universitetshospital. */
  Organisation cardiology() {
    return inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).stream()
        .filter(d -> d.name().contains("Hjerte"))
        .findFirst()
        .orElseGet(() -> inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).get(0));
  }

  /**
   * Where a cancer pathway is investigated. The register has no oncology department, so the
   * diagnostic pathway goes to the medical department of the patient's regional hospital (in
   * Aarhus: Ældresygdomme).
   */
  Organisation cancerDepartment(Organisation municipality) {
    return medicalDepartment(municipality);
  }

  /** A medical department at another hospital than {@code not}'s, for forwarded referrals. */
  Organisation otherMedicalDepartment(Organisation not, RandomGenerator random) {
    List<Organisation> others =
        inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).stream()
            .filter(d -> d.name().contains("Medicinsk") || d.name().contains("Ældresygdomme"))
            .filter(d -> d.parentSor() != null && !d.parentSor().equals(not.parentSor()))
            .toList();
    return others.isEmpty() ? not : DanishNames.pick(others, random);
  }

  Organisation outOfHours() {
    return outOfHours;
  }

  Organisation specialist(RandomGenerator random) {
    return specialists.isEmpty() ? null : DanishNames.pick(specialists, random);
  }

  private Organisation department(Organisation municipality, String... nameParts) {
    List<Organisation> departments = departmentsOf(hospitalFor(municipality));
    for (String part : nameParts) {
      for (Organisation department : departments) {
        if (department.name().contains(part)) {
          return department;
        }
      }
    }
    return departments.isEmpty()
        ? inRegion(OrganisationKind.HOSPITAL_DEPARTMENT).get(0)
        : departments.get(0);
  }

  private List<Organisation> gpsIn(String municipalityCode) {
    return inRegion(OrganisationKind.GP).stream()
        .filter(gp -> municipalityCode.equals(gp.municipalityCode()))
        .toList();
  }

  private List<Organisation> inRegion(OrganisationKind kind) {
    return registry.ofKind(kind).stream()
        .filter(o -> o.synthetic() && NAME.equals(o.region()))
        .sorted(Comparator.comparing(Organisation::sor))
        .toList();
  }
}
