package dk.stafet.web.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** referral-service (port 8081): the front door's quarantine, referrals and course facts. */
@AccessToken
@RegisterRestClient(configKey = "referral")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReferralClient {

  @GET
  @Path("/api/quarantine")
  Api.QuarantinePage quarantine(@QueryParam("limit") int limit);

  @POST
  @Path("/api/quarantine/{id}/replay")
  Api.ReplayResult replay(@PathParam("id") String id);

  /** The CPR number goes in the body, never in the URL. */
  @POST
  @Path("/api/patients/lookup")
  Api.PatientOverview lookup(Api.CprBody body);

  /**
   * Open referrals with a maximum waiting time, soonest deadline first (coordinators); status
   * warning|exceeded|all.
   */
  @GET
  @Path("/api/referrals/waiting-times")
  List<Api.WaitingTimeReferral> waitingTimeReferrals(@QueryParam("status") String status);

  @GET
  @Path("/api/referrals/waiting-times/summary")
  Api.WaitingTimeSummary waitingTimeSummary();

  /**
   * Name, birth date and masked CPR number of the patients the caller may see (at most 100 keys;
   * the others are left out). Each patient named is audited in referral-service.
   */
  @GET
  @Path("/api/patients/identities")
  List<Api.PatientIdentity> identities(@QueryParam("patientKey") List<String> patientKeys);

  /**
   * The patient's referrals the caller may see, newest first, each open one with referral-service's
   * waiting-time assessment (audited there).
   */
  @GET
  @Path("/api/patients/{patientKey}/referrals")
  List<Api.Referral> patientReferrals(@PathParam("patientKey") String patientKey);

  /** The MedCom messages received about a patient (metadata only). */
  @GET
  @Path("/api/patients/{patientKey}/messages")
  List<Api.ReceivedMessage> receivedMessages(@PathParam("patientKey") String patientKey);

  @GET
  @Path("/api/validation-alarms")
  List<Api.ValidationAlarm> validationAlarms();

  @POST
  @Path("/api/validation-alarms/{id}/acknowledge")
  void acknowledgeValidationAlarm(@PathParam("id") long id);
}
