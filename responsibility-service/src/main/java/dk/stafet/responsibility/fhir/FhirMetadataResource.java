package dk.stafet.responsibility.fhir;

import dk.stafet.service.fhir.FhirServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The CapabilityStatement of responsibility-service's FHIR base: exactly the reads {@link
 * FhirResource} serves. Public: it describes the server, no patient.
 */
@Path("/fhir/metadata")
@Tag(name = "fhir")
public class FhirMetadataResource {

  @GET
  @Produces(FhirServer.FHIR_JSON)
  @Operation(
      summary =
          "The FHIR CapabilityStatement: what this FHIR base serves (public, no patient data)")
  @APIResponse(responseCode = "200", description = "CapabilityStatement")
  public String metadata(@Context UriInfo uri) {
    return FhirServer.json(capabilities(FhirServer.baseUrl(uri)));
  }

  static CapabilityStatement capabilities(String baseUrl) {
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
