package dk.stafet.responsibility.fhir;

import java.util.Date;
import java.util.function.Function;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * The patient's course with Stafet as an EpisodeOfCare: careManager = the PRD (a contained
 * PractitionerRole in the PRD organisation, naming the doctor when R27 has), managingOrganization =
 * the PRD organisation, period.start = PRD since. Finished after death (R20).
 */
class EpisodeOfCareMapper implements Function<ResponsibilitySnapshot, EpisodeOfCare> {

  @Override
  public EpisodeOfCare apply(ResponsibilitySnapshot s) {
    EpisodeOfCare episode = new EpisodeOfCare();
    episode.setId(s.patientKey());
    episode.addIdentifier().setSystem(FhirSupport.PATIENT_KEY_SYSTEM).setValue(s.patientKey());
    episode.setStatus(
        s.deceased()
            ? EpisodeOfCare.EpisodeOfCareStatus.FINISHED
            : EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
    episode.addType().setText(s.courseType());
    episode.setPatient(FhirSupport.patient(s));
    s.prdSince().ifPresent(since -> episode.setPeriod(new Period().setStart(Date.from(since))));
    s.prdOrganisation()
        .ifPresent(
            info -> {
              Organization org = FhirSupport.organization("prd-org", info);
              episode.addContained(org);
              episode.setManagingOrganization(new Reference("#prd-org"));
              Practitioner doctor = FhirSupport.doctor(s);
              if (doctor != null) {
                episode.addContained(doctor);
              }
              PractitionerRole role = FhirSupport.prdRole(s, "prd-org", doctor);
              episode.addContained(role);
              episode.setCareManager(new Reference("#prd"));
            });
    return episode;
  }
}
