package dk.stafet.referral.fhir;

import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.service.fhir.FhirServer;
import dk.stafet.service.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Referrals as FHIR R4 ServiceRequests (docs/fhir-api.md); errors are OperationOutcomes, as FHIR
 * clients expect at a FHIR base (the mappers below apply to this resource only).
 */
@Path("/fhir/ServiceRequest")
@Produces(FhirServer.FHIR_JSON)
@Tag(name = "FHIR", description = "FHIR R4 reads of referrals and received MedCom messages")
public class ServiceRequestResource {

  private final FhirReads fhir;
  private final Caller caller;

  public ServiceRequestResource(FhirReads fhir, Caller caller) {
    this.fhir = fhir;
    this.caller = caller;
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "A referral as a ServiceRequest (audited; 404 unless the caller is the patient's listed"
              + " GP or municipality or a party to the referral)")
  @APIResponse(responseCode = "200", description = "ServiceRequest")
  @APIResponse(responseCode = "404", description = "OperationOutcome: unknown or not visible")
  public String read(@PathParam("id") String id) {
    return fhir.serviceRequest(id, caller.requireOrganisation());
  }

  @GET
  @Operation(
      summary =
          "The referrals of a patient (patient = the pseudonym) the caller may see, as a searchset"
              + " Bundle (audited; empty if it may see none)")
  @APIResponse(responseCode = "200", description = "searchset Bundle")
  @APIResponse(responseCode = "400", description = "OperationOutcome: no patient parameter")
  public String search(@QueryParam("patient") String patient, @Context UriInfo uri) {
    return fhir.searchServiceRequests(
        patient,
        caller.requireOrganisation(),
        uri.getRequestUri().toString(),
        FhirServer.baseUrl(uri));
  }

  @ServerExceptionMapper
  Response unknown(UnknownResourceException e) {
    return FhirServer.notFound("ServiceRequest");
  }

  @ServerExceptionMapper
  Response notAuthenticated(NotAuthenticatedException e) {
    return FhirServer.notAuthenticated(e);
  }
}
