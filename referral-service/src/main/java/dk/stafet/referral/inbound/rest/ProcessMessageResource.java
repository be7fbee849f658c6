package dk.stafet.referral.inbound.rest;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.referral.inbound.FrontDoor;
import dk.stafet.referral.inbound.InboundRequest;
import dk.stafet.referral.inbound.InboundResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** FHIR {@code $process-message}: a MedCom message Bundle in, a MedCom acknowledgement (or an OperationOutcome) out. */
@Path("/fhir")
@Tag(name = "MedCom messages")
public class ProcessMessageResource {

  static final String FHIR_JSON = "application/fhir+json";
  static final String FHIR_XML = "application/fhir+xml";

  private final FrontDoor frontDoor;
  private final MedcomCodec codec;

  public ProcessMessageResource(FrontDoor frontDoor, MedcomCodec codec) {
    this.frontDoor = frontDoor;
    this.codec = codec;
  }

  @POST
  // FHIR operation names start with "$"; some HTTP clients send it percent-encoded, and matching is on the raw path.
  @Path("{operation: [$]process-message|%24process-message}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Receive a MedCom message",
      description = "Validates the Bundle (structure, FHIR, MedCom profile, business rules), stores it, and answers with a "
          + "MedCom Acknowledgement: ok (200), fatal-error (422) or transient-error (503). A retransmission (same "
          + "MessageHeader.id) gets the first answer again. Input that cannot be identified gets an OperationOutcome "
          + "(400, 413, 415). Every rejected input is kept in quarantine.")
  @RequestBody(description = "A MedCom message Bundle (HospitalNotification, CareCommunication or Acknowledgement)")
  @APIResponse(responseCode = "200", description = "Acknowledgement ok (or an acknowledgement recorded)")
  @APIResponse(responseCode = "422", description = "Acknowledgement fatal-error naming each problem and its path")
  @APIResponse(responseCode = "400", description = "OperationOutcome: unreadable or unidentifiable input")
  public Response processMessage(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @HeaderParam("X-Stafet-Organisation") String authenticatedSender) {
    InboundResult result = frontDoor.receive(InboundRequest.http(body, contentType, authenticatedSender));
    MedcomFormat format = answerFormat(accept, contentType);
    IBaseResource answer = result.acknowledgement() != null ? result.acknowledgement() : result.outcome();
    Response.ResponseBuilder response = Response.status(result.disposition().httpStatus())
        .type(format.mimeType() + "; charset=UTF-8")
        .entity(format == MedcomFormat.JSON ? codec.fhirContext().newJsonParser().encodeResourceToString(answer)
            : codec.fhirContext().newXmlParser().encodeResourceToString(answer));
    if (result.quarantineId() != null) {
      response.header("X-Stafet-Quarantine-Id", result.quarantineId());
    }
    return response.build();
  }

  /** Answer in the format asked for, else in the format sent, else JSON. */
  private static MedcomFormat answerFormat(String accept, String contentType) {
    if (accept != null && accept.contains("xml") && !accept.contains("json")) {
      return MedcomFormat.XML;
    }
    return MedcomFormat.fromContentType(accept).or(() -> MedcomFormat.fromContentType(contentType)).orElse(MedcomFormat.JSON);
  }
}
