package dk.stafet.responsibility.fhir;

import dk.stafet.service.fhir.FhirCapabilities;
import dk.stafet.service.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The CapabilityStatement of responsibility-service's FHIR base: exactly the reads {@link
 * FhirResource} serves (served at GET /fhir/metadata by service-support's FhirMetadataResource).
 */
@ApplicationScoped
public class ResponsibilityCapabilities implements FhirCapabilities {

  @Override
  public CapabilityStatement capabilities(String baseUrl) {
    CapabilityStatement statement =
        FhirServer.capabilityStatement(
            "responsibility-service",
            "Who is responsible for a patient now: the patient-responsible doctor as an"
                + " EpisodeOfCare's careManager, and the responsible parties as a CareTeam. Resource"
                + " ids are the patient's pseudonym (patient key), never a CPR number.",
            baseUrl);
    FhirServer.resource(
            statement,
            "EpisodeOfCare",
            "The patient's course with Stafet; id = patient key. careManager = the"
                + " patient-responsible doctor (a contained PractitionerRole), managingOrganization"
                + " = that doctor's organisation.",
            TypeRestfulInteraction.READ,
            TypeRestfulInteraction.SEARCHTYPE)
        .addSearchParam()
        .setName("patient-key")
        .setType(SearchParamType.TOKEN)
        .setDocumentation(
            "Required. The patient's pseudonym (patient key). One match, or an empty searchset if"
                + " the caller may not see the patient.");
    FhirServer.resource(
        statement,
        "CareTeam",
        "The patient's responsible parties now; id = patient key: the patient-responsible doctor,"
            + " the organisation holding treatment responsibility, the listed GP.",
        TypeRestfulInteraction.READ);
    return statement;
  }
}
