package dk.stafet.notification.fhir;

import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.notification.delivery.rest.DeliveryAccess;
import dk.stafet.notification.delivery.rest.DeliveryForbiddenException;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryReader;
import dk.stafet.service.fhir.FhirReferences;
import dk.stafet.service.fhir.FhirServer;
import dk.stafet.service.security.NotAuthenticatedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Communication;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The MedCom messages Stafet sent about a patient, as FHIR R4 Communications (docs/fhir-api.md);
 * the messages it received are referral-service's. Who sees which: {@link DeliveryReader} (the
 * recipient, the organisation in whose name it was sent, coordinators, the citizen's own portal),
 * audited as the deliveries list is, under the action {@value #SEARCH_COMMUNICATION}.
 */
@Path("/fhir/Communication")
@Produces(FhirServer.FHIR_JSON)
@Tag(name = "FHIR", description = "FHIR R4 reads of the MedCom messages Stafet sent")
public class SentMessagesResource {

  static final String SEARCH_COMMUNICATION = "FHIR_SEARCH_COMMUNICATION";

  private final DeliveryAccess access;
  private final DeliveryOperations operations;
  private final SentCommunicationMapper mapper;

  public SentMessagesResource(
      DeliveryAccess access, DeliveryOperations operations, OrganisationRegistry registry) {
    this.access = access;
    this.operations = operations;
    this.mapper = new SentCommunicationMapper(new FhirReferences(registry));
  }

  @GET
  @Operation(
      summary =
          "The MedCom messages sent about a patient (patient = the pseudonym) that the caller may"
              + " see, as a searchset Bundle of Communications; metadata, never the content"
              + " (audited; empty if it may see none)")
  @APIResponse(responseCode = "200", description = "searchset Bundle")
  @APIResponse(responseCode = "400", description = "OperationOutcome: no patient parameter")
  public String search(@QueryParam("patient") String patient, @Context UriInfo uri) {
    DeliveryReader reader = access.reader(SEARCH_COMMUNICATION);
    String patientKey = FhirServer.patientKey(patient);
    List<Communication> matches;
    try {
      matches =
          operations
              .list(reader, null, null, null, patientKey, DeliveryOperations.MAX_LIMIT)
              .stream()
              .map(mapper::map)
              .toList();
    } catch (DeliveryForbiddenException anotherCitizen) {
      matches = List.of(); // the portal asked for another citizen: nothing, like an outsider
    }
    return FhirServer.searchset(uri.getRequestUri().toString(), FhirServer.baseUrl(uri), matches);
  }

  @ServerExceptionMapper
  Response notAuthenticated(NotAuthenticatedException e) {
    return FhirServer.notAuthenticated(e);
  }
}
