package dk.stafet.responsibility.careplan;

import dk.stafet.responsibility.rest.NotFoundException;
import dk.stafet.responsibility.rest.OpenApiDefinition;
import dk.stafet.service.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The shared course and action plan (brief C10; docs/care-plan.md). */
@Path("/api/care-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "care-plans",
    description = "The shared course and action plan: who does what, the case manager, the end")
@SecurityRequirement(name = OpenApiDefinition.CALLER_ORGANISATION)
public class CarePlanResource {

  private static final String REFUSALS =
      "CAREPLAN_CLOSED, CAREPLAN_NOT_ACTIVE, CAREPLAN_NOT_PARTICIPANT,"
          + " CAREPLAN_CASE_MANAGER_NOT_IN_PLAN, CAREPLAN_ACTIVITY_UNKNOWN,"
          + " CAREPLAN_ACTIVITY_TRANSITION, CAREPLAN_INVALID_PERIOD, CAREPLAN_CLOSING_TALK_MISSING,"
          + " CAREPLAN_CLOSING_TALK_AFTER_COMPLETION, CAREPLAN_OPEN_ACTIVITIES,"
          + " CAREPLAN_CHILD_OF_AGE";

  private final CarePlanService plans;

  public CarePlanResource(CarePlanService plans) {
    this.plans = plans;
  }

  @POST
  @Operation(
      summary =
          "Create a plan for a child's or complex adult course (staff of an involved organisation,"
              + " which becomes its author)")
  @APIResponse(responseCode = "201", description = "Created, in DRAFT until it has a case manager")
  @APIResponse(responseCode = "404", description = "Unknown patient or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Missing or unknown kind, owner, description")
  public RestResponse<CarePlanViews.Plan> create(CarePlanViews.Create body) {
    return RestResponse.status(RestResponse.Status.CREATED, plans.create(body));
  }

  @GET
  @Operation(
      summary =
          "The patient's plans (involved organisations, coordinators, the patient portal for its"
              + " own citizen)")
  @APIResponse(responseCode = "200", description = "The plans, oldest first")
  @APIResponse(responseCode = "404", description = "Unknown patient or not visible")
  public List<CarePlanViews.Plan> ofPatient(
      @Parameter(description = "the patient's pseudonym", required = true) @QueryParam("patientKey")
          String patientKey) {
    return plans.ofPatient(patientKey);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One plan")
  @APIResponse(responseCode = "200", description = "The plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not visible")
  public CarePlanViews.Plan read(@PathParam("id") String id) {
    return plans.read(uuid(id));
  }

  @POST
  @Path("/{id}/activities")
  @Operation(summary = "Add one organisation's effort (parallel efforts allowed)")
  @APIResponse(responseCode = "201", description = "Added; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public RestResponse<CarePlanViews.Plan> addActivity(
      @PathParam("id") String id, CarePlanViews.NewActivity body) {
    return RestResponse.status(RestResponse.Status.CREATED, plans.addActivity(uuid(id), body));
  }

  @PUT
  @Path("/{id}/activities/{activityId}")
  @Operation(summary = "Move an activity on (forward only) or change its period")
  @APIResponse(responseCode = "200", description = "Updated; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public CarePlanViews.Plan updateActivity(
      @PathParam("id") String id,
      @PathParam("activityId") String activityId,
      CarePlanViews.UpdateActivity body) {
    return plans.updateActivity(uuid(id), activityId, body);
  }

  @POST
  @Path("/{id}/case-manager")
  @Operation(
      summary =
          "Choose the case manager among the organisations in the plan: the citizen through the"
              + " patient portal, or staff of an organisation in the plan; replaces an earlier"
              + " choice and makes a draft with an activity active")
  @APIResponse(responseCode = "200", description = "Chosen; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not visible")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public CarePlanViews.Plan chooseCaseManager(
      @PathParam("id") String id, CarePlanViews.ChooseCaseManager body) {
    return plans.chooseCaseManager(uuid(id), body);
  }

  @POST
  @Path("/{id}/closing-talk")
  @Operation(summary = "Record the closing talk [afsluttende samtale] with the citizen")
  @APIResponse(responseCode = "200", description = "Recorded; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public CarePlanViews.Plan closingTalk(@PathParam("id") String id, CarePlanViews.At body) {
    return plans.recordClosingTalk(uuid(id), body);
  }

  @POST
  @Path("/{id}/complete")
  @Operation(
      summary = "Complete the plan: after the closing talk, every activity completed or cancelled")
  @APIResponse(responseCode = "200", description = "Completed; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public CarePlanViews.Plan complete(@PathParam("id") String id, CarePlanViews.At body) {
    return plans.complete(uuid(id), body);
  }

  @POST
  @Path("/{id}/revoke")
  @Operation(summary = "Withdraw a draft or active plan")
  @APIResponse(responseCode = "200", description = "Revoked; the whole plan")
  @APIResponse(responseCode = "404", description = "Unknown plan or not involved")
  @APIResponse(
      responseCode = "409",
      description = REFUSALS,
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public CarePlanViews.Plan revoke(@PathParam("id") String id, CarePlanViews.At body) {
    return plans.revoke(uuid(id), body);
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("care plan");
    }
  }
}
