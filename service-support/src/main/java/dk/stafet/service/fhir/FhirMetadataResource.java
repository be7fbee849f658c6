package dk.stafet.service.fhir;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CapabilityStatement at each service's FHIR base, so FHIR clients and test tools can discover
 * what it serves (docs/fhir-api.md). Public: it describes the server, no patient.
 */
@Path("/fhir/metadata")
@Tag(name = "FHIR")
public class FhirMetadataResource {

  private final FhirCapabilities capabilities;

  public FhirMetadataResource(FhirCapabilities capabilities) {
    this.capabilities = capabilities;
  }

  @GET
  @Produces(FhirServer.FHIR_JSON)
  @Operation(
      summary =
          "The FHIR CapabilityStatement: what this FHIR base serves (public, no patient data)")
  @APIResponse(responseCode = "200", description = "CapabilityStatement")
  public String metadata(@Context UriInfo uri) {
    return FhirServer.json(capabilities.capabilities(FhirServer.baseUrl(uri)));
  }
}
