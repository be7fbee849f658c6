package dk.stafet.referral.course.rest;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.referral.course.service.PatientLookup;
import dk.stafet.referral.course.service.PatientOverview;
import dk.stafet.referral.course.service.PatientService;
import dk.stafet.referral.course.service.RegisterDeath;
import dk.stafet.referral.course.service.RegisterListedGp;
import dk.stafet.referral.course.service.RegisterNoListedGp;
import dk.stafet.service.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Patient-level facts and the lookup. The CPR number travels only in request bodies, never in a
 * URL.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Listed GP, death, and what the caller may see of a patient")
public class PatientResource {

  private final PatientService patients;
  private final Caller caller;

  public PatientResource(PatientService patients, Caller caller) {
    this.patients = patients;
    this.caller = caller;
  }

  @POST
  @Path("/patients/listed-gp")
  @Operation(
      summary =
          "Register the patient's listed GP (the caller is that GP practice); national register in production")
  public PatientOverview registerListedGp(@NotNull @Valid RegisterListedGp body) {
    return patients.registerListedGp(
        caller.requireRole(StafetRole.NATIONAL_REGISTER, "registering a listed GP"), body);
  }

  @POST
  @Path("/patients/no-listed-gp")
  @Operation(
      summary =
          "Register that the patient has no listed GP (newcomer, between practices); national register "
              + "feed only, like the listed GP")
  public PatientOverview registerNoListedGp(@NotNull @Valid RegisterNoListedGp body) {
    return patients.registerNoListedGp(
        caller.requireRole(
            StafetRole.NATIONAL_REGISTER, "registering a patient without a listed GP"),
        body);
  }

  @POST
  @Path("/patients/lookup")
  @Operation(
      summary =
          "The patient's referrals, stays and courses the caller may see (audited; 404 if none)")
  public PatientOverview lookup(@NotNull @Valid PatientLookup body) {
    return patients.lookup(caller.requireOrganisation(), body);
  }

  @POST
  @Path("/deaths")
  @Operation(summary = "Record a patient's death (the caller must be involved with the patient)")
  public RestResponse<Void> death(@NotNull @Valid RegisterDeath body) {
    // The staff of an organisation that may see the patient, or the national register (CPR) feed.
    String actor =
        caller.has(StafetRole.NATIONAL_REGISTER)
            ? caller.requireOrganisation()
            : caller.requireRole(StafetRole.STAFF, "reporting a death");
    patients.recordDeath(actor, body);
    return RestResponse.noContent();
  }
}
