package dk.stafet.referral.course.rest;

import dk.stafet.referral.course.service.PatientIdentities;
import dk.stafet.referral.course.service.PatientIdentity;
import dk.stafet.service.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Patients' names for the pages (docs/web.md, "Patients by name"): by pseudonym, which may travel
 * in a URL; the CPR number never does.
 */
@Path("/api/patients/identities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientIdentityResource {

  private final PatientIdentities identities;
  private final Caller caller;

  public PatientIdentityResource(PatientIdentities identities, Caller caller) {
    this.identities = identities;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary =
          "Name, birth date and masked CPR number of the patients (by pseudonym) the caller may see;"
              + " the others are left out (each patient named is audited; at most 100 keys)")
  public List<PatientIdentity> identities(
      @Parameter(description = "a patient pseudonym; repeat for several") @QueryParam("patientKey")
          List<String> patientKeys) {
    return identities.visibleTo(caller.requireOrganisation(), patientKeys);
  }
}
