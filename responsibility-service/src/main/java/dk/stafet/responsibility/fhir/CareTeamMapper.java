package dk.stafet.responsibility.fhir;

import java.util.function.Function;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/**
 * The patient's responsible parties now as a CareTeam: the PRD (PractitionerRole in its
 * organisation), the organisation holding treatment responsibility (brief §2; never a municipality,
 * R16) and the listed GP.
 */
class CareTeamMapper implements Function<ResponsibilitySnapshot, CareTeam> {

  @Override
  public CareTeam apply(ResponsibilitySnapshot s) {
    CareTeam team = new CareTeam();
    team.setId(s.patientKey());
    team.setStatus(
        s.deceased() ? CareTeam.CareTeamStatus.INACTIVE : CareTeam.CareTeamStatus.ACTIVE);
    team.setSubject(FhirSupport.patient(s));
    s.prdOrganisation()
        .ifPresent(
            info -> {
              team.addContained(FhirSupport.organization("prd-org", info));
              Practitioner doctor = FhirSupport.doctor(s);
              if (doctor != null) {
                team.addContained(doctor);
              }
              team.addContained(FhirSupport.prdRole(s, "prd-org", doctor));
              team.addParticipant()
                  .setMember(new Reference("#prd"))
                  .setOnBehalfOf(new Reference("#prd-org"))
                  .addRole()
                  .setText("patient-responsible doctor");
            });
    s.treatmentOrganisation()
        .ifPresent(
            info -> {
              String id =
                  info.sor().equals(s.prdOrganisation().map(o -> o.sor()).orElse(null))
                      ? "prd-org"
                      : "treatment-org";
              if (!"prd-org".equals(id)) {
                team.addContained(FhirSupport.organization(id, info));
              }
              team.addParticipant()
                  .setMember(new Reference("#" + id))
                  .addRole()
                  .setText("treatment responsibility (" + s.treatmentSector() + ")");
            });
    s.listedGp()
        .ifPresent(
            info -> {
              Organization gp = FhirSupport.organization("listed-gp", info);
              team.addContained(gp);
              team.addParticipant()
                  .setMember(new Reference("#listed-gp"))
                  .addRole()
                  .setText("listed GP");
            });
    return team;
  }
}
