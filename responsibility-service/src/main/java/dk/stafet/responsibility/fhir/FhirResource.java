package dk.stafet.responsibility.fhir;

import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.rest.OpenApiDefinition;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.fhir.FhirServer;
import dk.stafet.service.security.NotAuthenticatedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * FHIR R4 reads for EHRs (application/fhir+json, written by HAPI); errors are OperationOutcomes, as
 * FHIR clients expect at a FHIR base (the mappers below apply to this resource only).
 */
@Path("/fhir")
@Produces(FhirServer.FHIR_JSON)
@Tag(
    name = "fhir",
    description =
        "FHIR R4 EpisodeOfCare and CareTeam views of patient responsibility, and the shared care"
            + " plans as CarePlan")
@SecurityRequirement(name = OpenApiDefinition.CALLER_ORGANISATION)
public class FhirResource {

  private final FhirService fhir;

  public FhirResource(FhirService fhir) {
    this.fhir = fhir;
  }

  @GET
  @Path("/EpisodeOfCare")
  @Operation(
      summary = "Search EpisodeOfCare by patient key; a searchset Bundle (empty if not visible)")
  @APIResponse(responseCode = "200", description = "searchset Bundle")
  public String searchEpisodeOfCare(@QueryParam("patient-key") String patientKey) {
    if (patientKey == null || patientKey.isBlank()) {
      throw new InvalidRequestException(
          "PATIENT_KEY_MISSING", "the search parameter patient-key is required");
    }
    return fhir.searchEpisodesOfCare(patientKey);
  }

  @GET
  @Path("/EpisodeOfCare/{patientKey}")
  @Operation(summary = "The patient's EpisodeOfCare; careManager = the patient-responsible doctor")
  @APIResponse(responseCode = "200", description = "EpisodeOfCare")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  public String episodeOfCare(@PathParam("patientKey") String patientKey) {
    return fhir.episodeOfCare(patientKey);
  }

  @GET
  @Path("/CareTeam/{patientKey}")
  @Operation(summary = "The patient's CareTeam: PRD, treatment-responsible organisation, listed GP")
  @APIResponse(responseCode = "200", description = "CareTeam")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  public String careTeam(@PathParam("patientKey") String patientKey) {
    return fhir.careTeam(patientKey);
  }

  @GET
  @Path("/CarePlan")
  @Operation(
      summary =
          "The patient's shared care plans (patient = the pseudonym) as a searchset Bundle (audited;"
              + " empty if the caller may not see the patient)")
  @APIResponse(responseCode = "200", description = "searchset Bundle")
  @APIResponse(responseCode = "400", description = "OperationOutcome: no patient parameter")
  public String searchCarePlans(@QueryParam("patient") String patient, @Context UriInfo uri) {
    return fhir.searchCarePlans(patient, uri.getRequestUri().toString(), FhirServer.baseUrl(uri));
  }

  @GET
  @Path("/CarePlan/{id}")
  @Operation(summary = "One shared care plan (brief C10); docs/fhir-api.md gives the mapping")
  @APIResponse(responseCode = "200", description = "CarePlan")
  @APIResponse(responseCode = "404", description = "OperationOutcome: unknown or not visible")
  public String carePlan(@PathParam("id") String id) {
    return fhir.carePlan(id);
  }

  @ServerExceptionMapper
  Response notFound(NotFoundException e) {
    return FhirServer.notFound("CarePlan");
  }

  @ServerExceptionMapper
  Response patientNotFound(PatientNotFoundException e) {
    return FhirServer.notFound("patient");
  }

  @ServerExceptionMapper
  Response notAuthenticated(NotAuthenticatedException e) {
    return FhirServer.notAuthenticated(e);
  }

  @ServerExceptionMapper
  Response invalid(InvalidRequestException e) {
    return FhirServer.error(400, OperationOutcome.IssueType.REQUIRED, e.getMessage());
  }
}
