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

/** responsibility-service (port 8082): ledger, handovers, who to call, KPIs. */
@AccessToken
@RegisterRestClient(configKey = "responsibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ResponsibilityClient {

  @GET
  @Path("/api/handovers")
  List<Api.Handover> handovers(@QueryParam("state") String state);

  @POST
  @Path("/api/handovers/{id}/accept")
  Api.Handover accept(@PathParam("id") String id, Api.Accept body);

  @POST
  @Path("/api/handovers/{id}/reject")
  Api.Handover reject(@PathParam("id") String id, Api.Reject body);

  @GET
  @Path("/api/patients/{patientKey}/ledger")
  Api.Ledger ledger(@PathParam("patientKey") String patientKey);

  @GET
  @Path("/api/patients/{patientKey}/who-to-call")
  Api.WhoToCall whoToCall(@PathParam("patientKey") String patientKey);

  /** The CPR number goes in the body, never in the URL. */
  @POST
  @Path("/api/patients/lookup")
  Api.LookupAnswer lookup(Api.CprBody body);

  @GET
  @Path("/api/kpis")
  Api.Kpis kpis();

  /**
   * Patients without a named doctor or with an R26 alarm (coordinators only); an older service may
   * lack it.
   */
  @GET
  @Path("/api/patients/attention")
  List<Api.Attention> attention();

  @GET
  @Path("/api/parked")
  List<Api.ParkedRecord> parked(@QueryParam("state") String state);

  @POST
  @Path("/api/parked/{id}/replay")
  Api.ParkedRecord replayParked(@PathParam("id") long id);

  @GET
  @Path("/api/care-plans")
  List<Api.CarePlan> carePlans(@QueryParam("patientKey") String patientKey);

  /** The citizen chooses (with the portal token) among the plan's caseManagerChoices. */
  @POST
  @Path("/api/care-plans/{id}/case-manager")
  Api.CarePlan chooseCaseManager(@PathParam("id") String id, Api.ChooseCaseManager body);
}
