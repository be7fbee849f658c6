package dk.stafet.referral.audit;

import dk.stafet.service.security.Caller;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of reads of a patient's data, for course coordinators. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read which patient's course data")
public class AuditResource {

  private final AuditTrail trail;
  private final Caller caller;

  public AuditResource(AuditTrail trail, Caller caller) {
    this.trail = trail;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary =
          "The audit trail of one patient (by pseudonym, never by CPR): who read (organisation, person, roles), what, when; course coordinators and the security officer only")
  public List<AuditEntryView> ofPatient(@QueryParam("patientKey") @NotBlank String patientKey) {
    return trail.ofPatient(caller.requireOrganisation(), patientKey);
  }
}
