package dk.stafet.responsibility.whotocall;

import dk.stafet.responsibility.attention.Attention;
import dk.stafet.responsibility.attention.AttentionService;
import dk.stafet.responsibility.ledger.LedgerQueries;
import dk.stafet.responsibility.ledger.LedgerViews;
import dk.stafet.responsibility.ledger.NamedDoctorService;
import dk.stafet.responsibility.rest.OpenApiDefinition;
import dk.stafet.service.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A patient's responsibility: who to call, the ledger, point-in-time answers and naming the doctor;
 * and the coordinators' list of patients needing attention. The caller is the organisation its
 * bearer token names ({@link dk.stafet.service.security.Caller}); a caller that may not see the
 * patient gets 404 ({@link dk.stafet.responsibility.security.PatientAccess}: involved
 * organisations, coordinators, the patient portal).
 */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "patients", description = "Who is responsible for a patient, and whom to call")
@SecurityRequirement(name = OpenApiDefinition.CALLER_ORGANISATION)
public class PatientResource {

  private final PatientLookupService lookup;
  private final WhoToCallService whoToCall;
  private final LedgerQueries ledger;
  private final NamedDoctorService namedDoctor;
  private final AttentionService attention;

  public PatientResource(
      PatientLookupService lookup,
      WhoToCallService whoToCall,
      LedgerQueries ledger,
      NamedDoctorService namedDoctor,
      AttentionService attention) {
    this.lookup = lookup;
    this.whoToCall = whoToCall;
    this.ledger = ledger;
    this.namedDoctor = namedDoctor;
    this.attention = attention;
  }

  /** The CPR number travels in the body only, never in a URL. */
  public record LookupRequest(
      @Schema(required = true, description = "CPR number, 10 digits, hyphen optional")
          String cpr) {}

  @POST
  @Path("/lookup")
  @Operation(summary = "Find a patient by CPR number; answers the patient key and who to call now")
  @APIResponse(responseCode = "200", description = "Found and visible to the caller")
  @APIResponse(
      responseCode = "404",
      description = "Unknown, or the caller is not involved with the patient",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Malformed CPR number")
  public PatientLookupService.LookupAnswer lookup(LookupRequest request) {
    return lookup.lookup(request == null ? null : request.cpr());
  }

  @GET
  @Path("/attention")
  @Operation(
      summary =
          "Coordinators: patients needing attention — no named PRD, a gap / no-receiver alarm (R26) or an "
              + "unanswered handover (R24) — newest first")
  @APIResponse(
      responseCode = "200",
      description = "The patients, newest first; each one listed is audited")
  @APIResponse(
      responseCode = "403",
      description = "COORDINATORS_ONLY: the caller is not a course coordinator",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "INVALID_LIMIT")
  public List<Attention> attention(
      @Parameter(description = "at most this many patients (1–1000, default 100)")
          @QueryParam("limit")
          Integer limit) {
    return attention.list(limit);
  }

  @GET
  @Path("/{patientKey}/who-to-call")
  @Operation(summary = "Who to call about the patient at an instant (R22); default now")
  @APIResponse(
      responseCode = "200",
      description = "The answer, with the rule that decided it and how long it holds")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  public WhoToCallAnswer whoToCall(
      @PathParam("patientKey") String patientKey,
      @Parameter(description = "ISO-8601 instant; default now") @QueryParam("at") Instant at) {
    return whoToCall.whoToCall(patientKey, at);
  }

  @GET
  @Path("/{patientKey}/ledger")
  @Operation(
      summary =
          "The patient's full ledger: every entry with valid-from/to, rule, cause and corrections")
  @APIResponse(responseCode = "200", description = "The ledger")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  public LedgerViews.Ledger ledger(@PathParam("patientKey") String patientKey) {
    return ledger.ledger(patientKey);
  }

  @GET
  @Path("/{patientKey}/responsibility")
  @Operation(
      summary =
          "Responsibility at an instant (PRD, rule, treatment sector) from the corrected history; default now")
  @APIResponse(responseCode = "200", description = "The point-in-time answer")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  public LedgerViews.Responsibility responsibility(
      @PathParam("patientKey") String patientKey,
      @Parameter(description = "ISO-8601 instant; default now") @QueryParam("at") Instant at) {
    return ledger.responsibility(patientKey, at);
  }

  @POST
  @Path("/{patientKey}/named-doctor")
  @Operation(
      summary = "Name the patient-responsible doctor inside the organisation that holds PRD (R27)")
  @APIResponse(responseCode = "200", description = "Named; the ledger entry now carries the doctor")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  @APIResponse(
      responseCode = "409",
      description = "ASSIGNMENT_FROM_NON_HOLDER: the caller does not hold PRD at that instant",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "doctorId missing or occurredAt in the future")
  public LedgerViews.Responsibility nameDoctor(
      @PathParam("patientKey") String patientKey, LedgerViews.NameDoctor body) {
    return namedDoctor.name(patientKey, body);
  }
}
