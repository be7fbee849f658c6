package dk.stafet.tools.demo;

import dk.stafet.contracts.registry.Organisation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The synthetic population: each patient lives in a municipality of the region and is listed with a
 * GP practice there. Ages lean old, as hospital patients do. A patient who dies is replaced by a
 * new one, so the population keeps its size.
 */
final class Population {

  /**
   * The tour patient's synthetic CPR number (7 March 1958, male, modulus 11 valid), printed in the
   * README so a new user can open "mit forløb" for a patient the demo is sure to have: its first
   * course is a cancer pathway (W1).
   */
  static final String TOUR_CPR = "0703581005";

  /**
   * Tour patient (12 April 1964, male, modulus 11 valid) whose first course is a referral to a
   * practising specialist.
   */
  static final String TOUR_SPECIALIST_CPR = "1204641001";

  /**
   * Tour patient (23 August 1971, female, modulus 11 valid) whose first course is a forwarded
   * cancer referral.
   */
  static final String TOUR_FORWARDED_CPR = "2308711008";

  private final Region region;
  private final RandomGenerator random;
  private final List<Patient> patients = new ArrayList<>();
  private final Set<String> issued = new HashSet<>();
  private int nextNumber = 1;

  Population(Region region, RandomGenerator random, int size) {
    this.region = region;
    this.random = random;
    patients.add(
        tourPatient(TOUR_CPR, LocalDate.of(1958, 3, 7), true, Patient.TourCourse.CANCER_PATHWAY));
    patients.add(
        tourPatient(
            TOUR_SPECIALIST_CPR, LocalDate.of(1964, 4, 12), true, Patient.TourCourse.SPECIALIST));
    patients.add(
        tourPatient(
            TOUR_FORWARDED_CPR,
            LocalDate.of(1971, 8, 23),
            false,
            Patient.TourCourse.FORWARDED_REFERRAL));
    for (int i = patients.size(); i < size; i++) {
      patients.add(newPatient());
    }
  }

  List<Patient> all() {
    return List.copyOf(patients);
  }

  /** The living patients not yet registered with their GP. */
  List<Patient> unregistered() {
    return patients.stream().filter(p -> !p.registered && !p.busy && !p.deceased).toList();
  }

  /** A patient free for a new course, preferring those whose history is oldest. */
  Optional<Patient> pickAvailable() {
    List<Patient> free = patients.stream().filter(Patient::available).toList();
    if (free.isEmpty()) {
      return Optional.empty();
    }
    // Among the free, pick at random from the older half so every patient gets courses.
    List<Patient> sorted = new ArrayList<>(free);
    sorted.sort(
        (a, b) ->
            a.lastFactAt == null
                ? -1
                : b.lastFactAt == null ? 1 : a.lastFactAt.compareTo(b.lastFactAt));
    return Optional.of(sorted.get(random.nextInt(Math.max(1, (sorted.size() + 1) / 2))));
  }

  /** The deceased patient leaves the population; a newly listed one takes the place. */
  Patient replace(Patient deceased) {
    Patient replacement = newPatient();
    patients.set(patients.indexOf(deceased), replacement);
    return replacement;
  }

  long living() {
    return patients.stream().filter(p -> !p.deceased).count();
  }

  private Patient newPatient() {
    boolean male = random.nextBoolean();
    LocalDate birthDate = birthDate();
    String cpr;
    do {
      cpr = SyntheticCpr.generate(birthDate, male, random);
    } while (!issued.add(cpr));
    Organisation municipality = region.municipality(random);
    Organisation gp = region.gpFor(municipality, random);
    return new Patient(
        nextNumber++,
        cpr,
        DanishNames.family(random),
        DanishNames.given(male, random),
        birthDate,
        male,
        gp,
        municipality);
  }

  private Patient tourPatient(
      String cpr, LocalDate birthDate, boolean male, Patient.TourCourse course) {
    issued.add(cpr);
    Organisation municipality = region.municipality(random);
    Patient tour =
        new Patient(
            nextNumber++,
            cpr,
            DanishNames.family(random),
            DanishNames.given(male, random),
            birthDate,
            male,
            region.gpFor(municipality, random),
            municipality);
    tour.tour = true;
    tour.tourCourse = course;
    return tour;
  }

  /** Mostly 55–95 years old, some younger adults and a few children. */
  private LocalDate birthDate() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    double r = random.nextDouble();
    int age =
        r < 0.65
            ? 55 + random.nextInt(41)
            : r < 0.93 ? 18 + random.nextInt(37) : 1 + random.nextInt(17);
    return today.minusYears(age).minusDays(1 + random.nextInt(364));
  }
}
