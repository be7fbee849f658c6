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

/** notification-service (port 8083): outgoing MedCom messages and their acknowledgement state. */
@AccessToken
@RegisterRestClient(configKey = "notification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotificationClient {

  @GET
  @Path("/api/deliveries")
  List<Api.Delivery> deliveries(
      @QueryParam("state") String state,
      @QueryParam("patientKey") String patientKey,
      @QueryParam("limit") int limit);

  @GET
  @Path("/api/deliveries/dead-letters")
  List<Api.Delivery> deadLetters(@QueryParam("limit") int limit);

  @GET
  @Path("/api/deliveries/counts")
  List<Api.StateCount> counts();

  @POST
  @Path("/api/deliveries/{messageHeaderId}/resend")
  Api.Delivery resend(@PathParam("messageHeaderId") String messageHeaderId);

  @GET
  @Path("/api/parked")
  List<Api.ParkedRecord> parked(@QueryParam("state") String state);

  @POST
  @Path("/api/parked/{id}/replay")
  Api.ParkedRecord replayParked(@PathParam("id") long id);

  @GET
  @Path("/api/validation-alarms")
  List<Api.ValidationAlarm> validationAlarms();

  @POST
  @Path("/api/validation-alarms/{id}/acknowledge")
  void acknowledgeValidationAlarm(@PathParam("id") long id);
}
