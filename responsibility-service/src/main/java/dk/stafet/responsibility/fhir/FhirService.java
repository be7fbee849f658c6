package dk.stafet.responsibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.responsibility.careplan.CarePlanService;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.rules.TreatmentSector;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import dk.stafet.responsibility.ledger.LedgerEntryRow;
import dk.stafet.responsibility.ledger.LedgerReader;
import dk.stafet.responsibility.ledger.LedgerReader.PointInTime;
import dk.stafet.responsibility.ledger.Patient;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.security.PatientAccess;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/** FHIR R4 reads for EHRs, each checked and audited like the JSON API. */
@ApplicationScoped
public class FhirService {

  private final FhirContext fhir;
  private final PatientAccess access;
  private final LedgerReader reader;
  private final OrganisationDirectory directory;
  private final WhoToCallPolicy policy;
  private final EpisodeOfCareMapper episodes = new EpisodeOfCareMapper();
  private final CareTeamMapper careTeams = new CareTeamMapper();
  private final CarePlanService carePlans;
  private final CarePlanMapper carePlanMapper;

  public FhirService(
      FhirContext fhir,
      PatientAccess access,
      LedgerReader reader,
      OrganisationDirectory directory,
      WhoToCallPolicy policy,
      CarePlanService carePlans) {
    this.fhir = fhir;
    this.carePlans = carePlans;
    this.carePlanMapper =
        new CarePlanMapper(sor -> directory.bySor(sor).map(OrganisationInfo::name).orElse(null));
    this.access = access;
    this.reader = reader;
    this.directory = directory;
    this.policy = policy;
  }

  @Transactional
  public String episodeOfCare(String patientKey) {
    access.requireReadable(patientKey, "fhir-episode-of-care");
    return json(episodes.apply(snapshot(patientKey)));
  }

  /**
   * A search: a caller that may not see the patient gets an empty searchset (and a DENIED audit
   * row), not 404.
   */
  @Transactional(dontRollbackOn = PatientNotFoundException.class)
  public String searchEpisodesOfCare(String patientKey) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    try {
      access.requireReadable(patientKey, "fhir-episode-of-care-search");
      EpisodeOfCare episode = episodes.apply(snapshot(patientKey));
      bundle
          .addEntry()
          .setFullUrl("EpisodeOfCare/" + patientKey)
          .setResource(episode)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    } catch (PatientNotFoundException hidden) {
      // not visible: an empty result says nothing about existence
    }
    bundle.setTotal(bundle.getEntry().size());
    return json(bundle);
  }

  @Transactional
  public String careTeam(String patientKey) {
    access.requireReadable(patientKey, "fhir-care-team");
    return json(careTeams.apply(snapshot(patientKey)));
  }

  /**
   * The patient's shared care plans (C10) as a searchset; empty (with a DENIED audit row) for a
   * caller that may not see the patient, as for a patient nobody has.
   */
  @Transactional(dontRollbackOn = PatientNotFoundException.class)
  public String searchCarePlans(String patient, String selfUrl, String base) {
    String patientKey = FhirServer.patientKey(patient);
    List<org.hl7.fhir.r4.model.CarePlan> matches;
    try {
      access.requireReadable(patientKey, "fhir-care-plan-search");
      String cpr = Patient.<Patient>findByIdOptional(patientKey).map(p -> p.cpr).orElse(null);
      matches =
          carePlans.storedOfPatient(patientKey).stream()
              .map(stored -> carePlanMapper.map(stored, cpr))
              .toList();
    } catch (PatientNotFoundException hidden) {
      matches = List.of();
    }
    return FhirServer.searchset(selfUrl, base, matches);
  }

  /**
   * One plan by id: 404 alike for an id nobody has and a plan whose patient the caller may not see.
   */
  @Transactional(dontRollbackOn = {PatientNotFoundException.class, NotFoundException.class})
  public String carePlan(String id) {
    CarePlanService.Stored stored =
        carePlans.stored(id).orElseThrow(() -> new NotFoundException("CarePlan"));
    try {
      access.requireReadable(stored.row().patientKey, "fhir-care-plan");
    } catch (PatientNotFoundException hidden) {
      throw new NotFoundException("CarePlan");
    }
    String cpr =
        Patient.<Patient>findByIdOptional(stored.row().patientKey).map(p -> p.cpr).orElse(null);
    return json(carePlanMapper.map(stored, cpr));
  }

  private String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return fhir.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
  }

  private ResponsibilitySnapshot snapshot(String patientKey) {
    Patient patient =
        Patient.<Patient>findByIdOptional(patientKey).orElseThrow(PatientNotFoundException::new);
    Instant now = Instant.now();
    PointInTime point = reader.at(patientKey, now);
    Optional<Organisation> prd = point.decision().prd().map(p -> p.organisation());
    Optional<LedgerEntryRow> entry = point.entry();
    return new ResponsibilitySnapshot(
        patientKey,
        patient.cpr,
        patient.courseType.name(),
        point.decision().isDeceased(),
        prd.map(this::info),
        entry.map(e -> e.holderDoctorId),
        entry.map(e -> e.holderDoctorName),
        entry.map(e -> e.validFrom),
        point.decision().decidedBy().name(),
        point.treatmentSector().name(),
        treatmentOrganisation(point.treatmentSector(), prd).map(this::info),
        Optional.ofNullable(patient.listedGpSor).map(sor -> info(Organisation.gp(sor))));
  }

  /**
   * Who holds treatment responsibility now (brief §2): the PRD organisation, or the out-of-hours
   * service (R2, R22).
   */
  private Optional<Organisation> treatmentOrganisation(
      TreatmentSector sector, Optional<Organisation> prd) {
    return switch (sector) {
      case OUT_OF_HOURS -> Optional.of(policy.outOfHoursService());
      case HOSPITAL, GP -> prd;
      case SPECIALIST -> prd.filter(o -> o.kind() == OrganisationKind.PRACTISING_SPECIALIST);
      case NONE -> Optional.empty();
    };
  }

  private OrganisationInfo info(Organisation org) {
    return directory
        .bySor(org.id().sor())
        .orElse(new OrganisationInfo(org.id().sor(), null, org.kind(), null, null));
  }
}
