package dk.stafet.referral.course.rest;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.referral.course.lifecycle.AdmissionTransition;
import dk.stafet.referral.course.service.AdmitPatient;
import dk.stafet.referral.course.service.HospitalStayService;
import dk.stafet.referral.course.service.HospitalStayView;
import dk.stafet.service.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Hospital stays registered by the admitting department (the REST twin of MedCom
 * HospitalNotification).
 */
@Path("/api/hospital-stays")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hospital stays", description = "Admission ⇄ leave → discharge | death; cancellations")
public class HospitalStayResource {

  private final HospitalStayService stays;
  private final Caller caller;

  public HospitalStayResource(HospitalStayService stays, Caller caller) {
    this.stays = stays;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary = "Admission (IMP) or emergency contact (EMER) by the caller (serviceProviderSor)")
  public RestResponse<HospitalStayView> admit(@NotNull @Valid AdmitPatient body) {
    HospitalStayView stay =
        stays.admit(caller.requireRole(StafetRole.STAFF, "recording course facts"), body);
    return RestResponse.ResponseBuilder.<HospitalStayView>created(
            URI.create("/api/hospital-stays/" + stay.id()))
        .entity(stay)
        .build();
  }

  @POST
  @Path("/{id}/leave")
  @Operation(summary = "Leave starts (STOR)")
  public HospitalStayView startLeave(@PathParam("id") UUID id, OccurredAt body) {
    return stays.transition(
        id,
        caller.requireRole(StafetRole.STAFF, "recording course facts"),
        AdmissionTransition.START_LEAVE,
        OccurredAt.of(body));
  }

  @POST
  @Path("/{id}/leave-end")
  @Operation(summary = "Leave ends (SLOR)")
  public HospitalStayView endLeave(@PathParam("id") UUID id, OccurredAt body) {
    return stays.transition(
        id,
        caller.requireRole(StafetRole.STAFF, "recording course facts"),
        AdmissionTransition.END_LEAVE,
        OccurredAt.of(body));
  }

  @POST
  @Path("/{id}/discharge")
  @Operation(summary = "Discharge (SLHJ)")
  public HospitalStayView discharge(@PathParam("id") UUID id, OccurredAt body) {
    return stays.transition(
        id,
        caller.requireRole(StafetRole.STAFF, "recording course facts"),
        AdmissionTransition.DISCHARGE,
        OccurredAt.of(body));
  }

  @POST
  @Path("/{id}/cancel")
  @Operation(
      summary =
          "Cancel what was registered in error: the admission (default), leave start, leave end or discharge")
  public HospitalStayView cancel(@PathParam("id") UUID id, CancelStay body) {
    CancelStay cancel = body == null ? new CancelStay(null, null) : body;
    return stays.transition(
        id,
        caller.requireRole(StafetRole.STAFF, "recording course facts"),
        cancel.transition(),
        cancel.occurredAt());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One stay with its history (audited; 404 unless the caller is involved)")
  public HospitalStayView get(@PathParam("id") UUID id) {
    return stays.get(id, caller.requireOrganisation());
  }
}
