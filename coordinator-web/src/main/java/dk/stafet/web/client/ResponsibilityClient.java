package dk.stafet.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** responsibility-service (port 8082): ledger, handovers, who to call, KPIs. */
@RegisterRestClient(configKey = "responsibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ResponsibilityClient {

  @GET
  @Path("/api/handovers")
  List<Api.Handover> handovers(
      @HeaderParam(Api.AUTHORIZATION) String authorization, @QueryParam("state") String state);

  @POST
  @Path("/api/handovers/{id}/accept")
  Api.Handover accept(
      @HeaderParam(Api.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      Api.Accept body);

  @POST
  @Path("/api/handovers/{id}/reject")
  Api.Handover reject(
      @HeaderParam(Api.AUTHORIZATION) String authorization,
      @PathParam("id") String id,
      Api.Reject body);

  @GET
  @Path("/api/patients/{patientKey}/ledger")
  Api.Ledger ledger(
      @HeaderParam(Api.AUTHORIZATION) String authorization,
      @PathParam("patientKey") String patientKey);

  @GET
  @Path("/api/patients/{patientKey}/who-to-call")
  Api.WhoToCall whoToCall(
      @HeaderParam(Api.AUTHORIZATION) String authorization,
      @PathParam("patientKey") String patientKey);

  /** The CPR number goes in the body, never in the URL. */
  @POST
  @Path("/api/patients/lookup")
  Api.LookupAnswer lookup(@HeaderParam(Api.AUTHORIZATION) String authorization, Api.CprBody body);

  @GET
  @Path("/api/kpis")
  Api.Kpis kpis(@HeaderParam(Api.AUTHORIZATION) String authorization);

  /**
   * Patients without a named doctor or with an R26 alarm (coordinators only); an older service may
   * lack it.
   */
  @GET
  @Path("/api/patients/attention")
  List<Api.Attention> attention(@HeaderParam(Api.AUTHORIZATION) String authorization);

  @GET
  @Path("/api/parked")
  List<Api.ParkedRecord> parked(
      @HeaderParam(Api.AUTHORIZATION) String authorization, @QueryParam("state") String state);

  @POST
  @Path("/api/parked/{id}/replay")
  Api.ParkedRecord replayParked(
      @HeaderParam(Api.AUTHORIZATION) String authorization, @PathParam("id") long id);
}
