package dk.stafet.referral.course.rest;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.referral.course.service.ReceiveReferral;
import dk.stafet.referral.course.service.ReferralService;
import dk.stafet.referral.course.service.ReferralView;
import dk.stafet.referral.course.service.Visitation;
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

/** Referrals received by the calling hospital department or specialist. */
@Path("/api/referrals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Referral received → visitation → started → ended")
public class ReferralResource {

  private final ReferralService referrals;
  private final Caller caller;

  public ReferralResource(ReferralService referrals, Caller caller) {
    this.referrals = referrals;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Record a referral the caller (receiverSor) has received")
  public RestResponse<ReferralView> receive(@NotNull @Valid ReceiveReferral body) {
    ReferralView referral =
        referrals.receive(caller.requireRole(StafetRole.STAFF, "recording course facts"), body);
    return RestResponse.ResponseBuilder.<ReferralView>created(
            URI.create("/api/referrals/" + referral.id()))
        .entity(referral)
        .build();
  }

  @POST
  @Path("/{id}/visitation")
  @Operation(summary = "Visitation: accept, reject (with reason) or forward (to forwardedToSor)")
  public ReferralView visit(@PathParam("id") UUID id, @NotNull @Valid Visitation body) {
    return referrals.visit(
        id, caller.requireRole(StafetRole.STAFF, "recording course facts"), body);
  }

  @POST
  @Path("/{id}/start")
  @Operation(summary = "First contact: the referral course is in progress")
  public ReferralView start(@PathParam("id") UUID id, OccurredAt body) {
    return referrals.start(
        id, caller.requireRole(StafetRole.STAFF, "recording course facts"), OccurredAt.of(body));
  }

  @POST
  @Path("/{id}/end")
  @Operation(summary = "The referral course has ended")
  public ReferralView end(@PathParam("id") UUID id, OccurredAt body) {
    return referrals.end(
        id, caller.requireRole(StafetRole.STAFF, "recording course facts"), OccurredAt.of(body));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One referral with its history (audited; 404 unless the caller is involved)")
  public ReferralView get(@PathParam("id") UUID id) {
    return referrals.get(id, caller.requireOrganisation());
  }
}
