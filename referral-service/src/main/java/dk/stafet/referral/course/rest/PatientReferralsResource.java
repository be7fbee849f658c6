package dk.stafet.referral.course.rest;

import dk.stafet.referral.course.service.PatientReferrals;
import dk.stafet.referral.course.service.ReferralView;
import dk.stafet.service.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A patient's referrals by pseudonym (the CPR number never travels in a URL). */
@Path("/api/patients/{patientKey}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class PatientReferralsResource {

  private final PatientReferrals referrals;
  private final Caller caller;

  public PatientReferralsResource(PatientReferrals referrals, Caller caller) {
    this.referrals = referrals;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary =
          "The patient's referrals the caller may see, newest first, each open one with its"
              + " maximum-waiting-time deadline as referral-service assesses it (audited; 404"
              + " unless the caller is involved)")
  public List<ReferralView> referrals(@PathParam("patientKey") String patientKey) {
    return referrals.visibleTo(caller.requireOrganisation(), patientKey);
  }
}
