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
 * The MedCom messages referral-service received, as FHIR R4 Communications (docs/fhir-api.md), with
 * their CareCommunication thread; messages Stafet sent are notification-service's.
 */
@Path("/fhir/Communication")
@Produces(FhirServer.FHIR_JSON)
@Tag(name = "FHIR")
public class CommunicationResource {

  private final FhirReads fhir;
  private final Caller caller;

  public CommunicationResource(FhirReads fhir, Caller caller) {
    this.fhir = fhir;
    this.caller = caller;
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "A received MedCom message as a Communication, with its CareCommunication thread id and"
              + " the message it answers (inResponseTo); metadata, never the content (audited; 404"
              + " unless the caller may see the patient's messages or is a party to this one)")
  @APIResponse(responseCode = "200", description = "Communication")
  @APIResponse(responseCode = "404", description = "OperationOutcome: unknown or not visible")
  public String read(@PathParam("id") String id) {
    return fhir.communication(id, caller.requireOrganisation());
  }

  @GET
  @Operation(
      summary =
          "The MedCom messages received about a patient (patient = the pseudonym) that the caller"
              + " may see, as a searchset Bundle of Communications; metadata, never the content"
              + " (audited; empty if it may see none)")
  @APIResponse(responseCode = "200", description = "searchset Bundle")
  @APIResponse(responseCode = "400", description = "OperationOutcome: no patient parameter")
  public String search(@QueryParam("patient") String patient, @Context UriInfo uri) {
    return fhir.searchCommunications(
        patient,
        caller.requireOrganisation(),
        uri.getRequestUri().toString(),
        FhirServer.baseUrl(uri));
  }

  @ServerExceptionMapper
  Response unknown(UnknownResourceException e) {
    return FhirServer.notFound("Communication");
  }

  @ServerExceptionMapper
  Response notAuthenticated(NotAuthenticatedException e) {
    return FhirServer.notAuthenticated(e);
  }
}
