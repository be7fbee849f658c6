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
                + " EpisodeOfCare's careManager, and the responsible parties as a CareTeam; the shared care plans as CarePlans. Resource"
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
    FhirServer.resource(
            statement,
            "CarePlan",
            "The shared course and action plan of a child's or complex adult course (brief C10); id"
                + " = the plan's id. author = the organisation that made it, contributor = every"
                + " organisation in the plan, activity.detail.performer = who does what,"
                + " careTeam = a contained CareTeam naming the case manager the citizen chose;"
                + " extensions: who chose the case manager, the closing talk, a child's transition"
                + " at 18 (docs/fhir-api.md).",
            TypeRestfulInteraction.READ,
            TypeRestfulInteraction.SEARCHTYPE)
        .addSearchParam(FhirServer.patientSearchParameter());
    return statement;
  }
}
