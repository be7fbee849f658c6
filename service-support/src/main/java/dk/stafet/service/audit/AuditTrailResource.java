package dk.stafet.service.audit;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.service.problem.Problem;
import dk.stafet.service.security.Caller;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit trail of one patient in this service, for the region's security officer only (every
 * service has it, so {@code ./stafet audit} can merge the three). Reading it is itself a read of
 * the patient's data, audited as {@value #READ_AUDIT} naming the officer.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read which patient's data (the security officer)")
public class AuditTrailResource {

  /** The audit action of the officer's own query. */
  public static final String READ_AUDIT = "READ_AUDIT";

  private final Caller caller;
  private final AuditLog audit;

  public AuditTrailResource(Caller caller, AuditLog audit) {
    this.caller = caller;
    this.audit = audit;
  }

  @GET
  @Transactional
  @Operation(
      summary =
          "The audit trail of one patient (by pseudonym, never by CPR number): who read (organisation,"
              + " person, roles), what, when, outcome; the security officer only (403 otherwise);"
              + " the query is itself audited")
  public RestResponse<?> ofPatient(@QueryParam("patientKey") String patientKey) {
    String officer = caller.requireRole(StafetRole.SECURITY_OFFICER, "reading the audit trail");
    if (patientKey == null || patientKey.isBlank()) {
      return Problem.of(400, "PATIENT_KEY_REQUIRED", "patientKey (a pseudonym) is required")
          .response();
    }
    List<AuditEntryView> entries =
        AuditEntry.ofPatient(patientKey.trim()).stream().map(AuditEntryView::of).toList();
    audit.read(officer, READ_AUDIT, patientKey.trim(), "AUDIT", patientKey.trim());
    return RestResponse.ok(entries);
  }
}
