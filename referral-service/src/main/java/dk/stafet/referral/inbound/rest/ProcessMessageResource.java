package dk.stafet.referral.inbound.rest;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.OperationOutcomes;
import dk.stafet.referral.inbound.FrontDoor;
import dk.stafet.referral.inbound.InboundRequest;
import dk.stafet.referral.inbound.InboundResult;
import dk.stafet.service.messaging.UntilStored;
import dk.stafet.service.security.Caller;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR {@code $process-message}: a MedCom message Bundle in, a MedCom acknowledgement (or an
 * OperationOutcome) out.
 */
@Path("/fhir")
@Tag(name = "MedCom messages")
public class ProcessMessageResource {

  static final String FHIR_JSON = "application/fhir+json";
  static final String FHIR_XML = "application/fhir+xml";

  private final FrontDoor frontDoor;

  /** When a sender should try again after the store was unavailable. */
  static final int RETRY_AFTER_SECONDS = 30;

  private final MedcomCodec codec;

  private final Caller caller;

  public ProcessMessageResource(FrontDoor frontDoor, MedcomCodec codec, Caller caller) {
    this.frontDoor = frontDoor;
    this.codec = codec;
    this.caller = caller;
  }

  @POST
  // FHIR operation names start with "$"; some HTTP clients send it percent-encoded, and matching is
  // on the raw path.
  @Path("{operation: [$]process-message|%24process-message}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Receive a MedCom message",
      description =
          "Validates the Bundle (structure, FHIR, MedCom profile, business rules), stores it, and answers with a "
              + "MedCom Acknowledgement: ok (200), fatal-error (422) or transient-error (503). A retransmission (same "
              + "MessageHeader.id) gets the first answer again. Input that cannot be identified gets an OperationOutcome "
              + "(400, 413, 415). Every rejected input is kept in quarantine.")
  @RequestBody(
      description =
          "A MedCom message Bundle (HospitalNotification, CareCommunication or Acknowledgement)")
  @APIResponse(
      responseCode = "200",
      description = "Acknowledgement ok (or an acknowledgement recorded)")
  @APIResponse(
      responseCode = "422",
      description = "Acknowledgement fatal-error naming each problem and its path")
  @APIResponse(
      responseCode = "400",
      description = "OperationOutcome: unreadable or unidentifiable input")
  @APIResponse(
      responseCode = "401",
      description = "No valid bearer token: nothing is received or kept")
  @APIResponse(
      responseCode = "503",
      description =
          "Acknowledgement transient-error, or an OperationOutcome with "
              + "Retry-After when nothing could be stored (the database is unavailable): send the message again later")
  public Response processMessage(
      byte[] body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    // Only a caller with a valid token may send (401 otherwise, and nothing of the body is kept);
    // the organisation it
    // proves must be the Bundle's sender or its parent (MessageRules), or the answer is a
    // fatal-error acknowledgement.
    String authenticatedSender = caller.requireOrganisation();
    MedcomFormat format = answerFormat(accept, contentType);
    InboundResult result;
    try {
      result = frontDoor.receive(InboundRequest.http(body, contentType, authenticatedSender));
    } catch (RuntimeException e) {
      if (!UntilStored.isInfrastructureFailure(e)) {
        throw e;
      }
      // Not even a transient-error acknowledgement could be stored (the database is away): nothing
      // of the message was
      // kept, so say so and when to send it again, instead of a bare 500.
      Log.errorf(
          "Message could not be received: storage unavailable (%s)", e.getClass().getSimpleName());
      return encoded(
              Response.status(Response.Status.SERVICE_UNAVAILABLE)
                  .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS),
              format,
              OperationOutcomes.of(
                  List.of(
                      MedcomIssue.hl7(
                          MedcomIssue.Severity.ERROR,
                          "transient",
                          "MSG_LOCAL_FAIL",
                          null,
                          "The receiver cannot store messages right now; nothing was kept. Send the message again later"))))
          .build();
    }
    IBaseResource answer =
        result.acknowledgement() != null ? result.acknowledgement() : result.outcome();
    Response.ResponseBuilder response =
        encoded(Response.status(result.disposition().httpStatus()), format, answer);
    if (result.quarantineId() != null) {
      response.header("X-Stafet-Quarantine-Id", result.quarantineId());
    }
    return response.build();
  }

  private Response.ResponseBuilder encoded(
      Response.ResponseBuilder response, MedcomFormat format, IBaseResource answer) {
    return response
        .type(format.mimeType() + "; charset=UTF-8")
        .entity(
            format == MedcomFormat.JSON
                ? codec.fhirContext().newJsonParser().encodeResourceToString(answer)
                : codec.fhirContext().newXmlParser().encodeResourceToString(answer));
  }

  /** Answer in the format asked for, else in the format sent, else JSON. */
  private static MedcomFormat answerFormat(String accept, String contentType) {
    if (accept != null && accept.contains("xml") && !accept.contains("json")) {
      return MedcomFormat.XML;
    }
    return MedcomFormat.fromContentType(accept)
        .or(() -> MedcomFormat.fromContentType(contentType))
        .orElse(MedcomFormat.JSON);
  }
}
