package dk.stafet.tools.chaos;

import dk.stafet.contracts.medcom.CareCommunicationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.registry.Gln;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationKind;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.tools.demo.SyntheticCpr;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Provenance;

/**
 * The chaos run's letters: synthetic patients of the register's synthetic organisations (CPR
 * numbers from the demo's {@link SyntheticCpr}, never real ones), each admitted by a hospital
 * department (STIN to the municipality), written about to the GP (a CareCommunication, delivered by
 * the hub) and discharged (SLHJ, carrying the admission's Provenance); and a share of invalid
 * letters (a malformed CPR number, an unknown receiver).
 */
public final class Traffic {

  static final String FULL_URL_BASE = "https://stafet.dk/fhir/";
  private static final String FAMILY_NAME = "Kaosen";

  /** A synthetic patient; {@link #toString()} never shows the CPR number. */
  public static final class Patient {
    final int number;
    final String cpr;
    final Organisation gp;
    final Organisation municipality;
    final Organisation department;
    String patientKey;

    Patient(
        int number,
        String cpr,
        Organisation gp,
        Organisation municipality,
        Organisation department) {
      this.number = number;
      this.cpr = cpr;
      this.gp = gp;
      this.municipality = municipality;
      this.department = department;
    }

    /** The hospital department that admits the patient and sends the letters. */
    public Organisation department() {
      return department;
    }

    @Override
    public String toString() {
      return "patient#" + number;
    }
  }

  /**
   * One hospital stay's HospitalNotifications: the discharge carries the accepted admission's
   * Provenance.
   */
  public final class Stay {
    final Patient patient;
    final String episodeOfCareId = UUID.randomUUID().toString();
    private Instant admittedAt;
    private final List<Provenance> provenances = new ArrayList<>();
    private String lastHeaderId;
    private String lastActivity;

    Stay(Patient patient) {
      this.patient = patient;
    }

    public Bundle admission(Instant at) {
      admittedAt = at;
      return notification(
          HospitalNotificationEvent.STIN, patient.cpr, view(patient.municipality), null);
    }

    /** The admission was answered ok: later letters of the stay refer to it. */
    public void accepted(Bundle admission) {
      for (Bundle.BundleEntryComponent entry : admission.getEntry()) {
        if (entry.getResource() instanceof Provenance provenance) {
          provenances.add(provenance);
          lastActivity = provenance.getActivity().getCodingFirstRep().getCode();
        }
        if (entry.getResource() instanceof MessageHeader header) {
          lastHeaderId = header.getIdElement().getIdPart();
        }
      }
    }

    public Bundle discharge(Instant at) {
      return notification(
          HospitalNotificationEvent.SLHJ, patient.cpr, view(patient.municipality), at);
    }

    private Bundle notification(
        HospitalNotificationEvent event, String cpr, OrganisationView receiver, Instant end) {
      return notifications.build(
          new HospitalNotificationBuilder.Notification(
              event,
              null,
              view(patient.department),
              receiver,
              null,
              cpr,
              FAMILY_NAME,
              List.of("Patient " + patient.number),
              "IMP",
              episodeOfCareId,
              null,
              admittedAt,
              end,
              null,
              null,
              provenances,
              lastHeaderId,
              lastActivity));
    }
  }

  private final Random random;
  private final HospitalNotificationBuilder notifications =
      new HospitalNotificationBuilder(FULL_URL_BASE, Clock.systemUTC());
  private final CareCommunicationBuilder communications =
      new CareCommunicationBuilder(FULL_URL_BASE, Clock.systemUTC());
  private final List<Organisation> municipalities;
  private final List<Organisation> gps;
  private final List<Organisation> departments;

  /**
   * Every CPR number handed out: two synthetic patients must never be one person. Drawn from ~2
   * million possible numbers, 3,261 patients already held a pair in a 10,000-letter run (its second
   * listed-GP registration was a real change of GP, and the checker rightly counted it).
   */
  private final Set<String> issuedCprs = new HashSet<>();

  public Traffic(long seed) {
    this.random = new Random(seed);
    OrganisationRegistry registry = OrganisationRegistry.standard();
    this.municipalities = synthetic(registry, OrganisationKind.MUNICIPALITY);
    this.gps = synthetic(registry, OrganisationKind.GP);
    this.departments = synthetic(registry, OrganisationKind.HOSPITAL_DEPARTMENT);
  }

  Random random() {
    return random;
  }

  public synchronized Patient patient(int number) {
    Organisation municipality = municipalities.get(random.nextInt(municipalities.size()));
    List<Organisation> local =
        gps.stream()
            .filter(gp -> municipality.municipalityCode().equals(gp.municipalityCode()))
            .toList();
    Organisation gp =
        local.isEmpty()
            ? gps.get(random.nextInt(gps.size()))
            : local.get(random.nextInt(local.size()));
    Organisation department = departments.get(random.nextInt(departments.size()));
    String cpr;
    do {
      LocalDate born =
          LocalDate.of(1930 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
      cpr = SyntheticCpr.generate(born, random.nextBoolean(), random);
    } while (!issuedCprs.add(cpr));
    return new Patient(number, cpr, gp, municipality, department);
  }

  /** A hospital department other than {@code not}, for handovers between departments. */
  synchronized Organisation otherDepartment(Organisation not) {
    Organisation other;
    do {
      other = departments.get(random.nextInt(departments.size()));
    } while (other.sor().equals(not.sor()) && departments.size() > 1);
    return other;
  }

  public Stay stay(Patient patient) {
    return new Stay(patient);
  }

  public Bundle careCommunication(Patient patient) {
    return communications.build(
        new CareCommunicationBuilder.CareCommunication(
            null,
            null,
            view(patient.department),
            view(patient.gp),
            patient.cpr,
            FAMILY_NAME,
            List.of("Patient " + patient.number),
            "discharge",
            null,
            "Patienten er udskrevet; se epikrisen.",
            null,
            new CareCommunicationBuilder.Author("Kaos", "Afsender", "laegesekretaer", "70000000")));
  }

  /**
   * An invalid admission that can still be answered: a malformed CPR number, or a receiver the
   * register lacks.
   */
  public synchronized Bundle invalidAdmission(Patient patient) {
    boolean badCpr = random.nextBoolean();
    String cpr =
        badCpr ? "3102" + (40 + random.nextInt(50)) + (1000 + random.nextInt(9000)) : patient.cpr;
    OrganisationView receiver = badCpr ? view(patient.municipality) : unknownMunicipality();
    return notifications.build(
        new HospitalNotificationBuilder.Notification(
            HospitalNotificationEvent.STIN,
            null,
            view(patient.department),
            receiver,
            null,
            cpr,
            FAMILY_NAME,
            List.of("Patient " + patient.number),
            "IMP",
            UUID.randomUUID().toString(),
            null,
            Instant.now().minusSeconds(600),
            null,
            null,
            null,
            List.of(),
            null,
            null));
  }

  private OrganisationView unknownMunicipality() {
    String gln12 = "579999" + (900000 + random.nextInt(99999));
    return new OrganisationView(
        null,
        "99900000" + (9000 + random.nextInt(1000)) + "016",
        gln12 + Gln.checkDigit(gln12),
        "Kaos Kommune (findes ikke)");
  }

  static OrganisationView view(Organisation organisation) {
    return new OrganisationView(null, organisation.sor(), organisation.gln(), organisation.name());
  }

  private static List<Organisation> synthetic(
      OrganisationRegistry registry, OrganisationKind kind) {
    List<Organisation> all =
        registry.ofKind(kind).stream()
            .filter(o -> o.synthetic() && o.gln() != null && "Midtjylland".equals(o.region()))
            .sorted(java.util.Comparator.comparing(Organisation::sor))
            .toList();
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "the register has no synthetic " + kind + " with a GLN in Midtjylland");
    }
    return all;
  }
}
