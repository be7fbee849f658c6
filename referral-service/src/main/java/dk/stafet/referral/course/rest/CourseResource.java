package dk.stafet.referral.course.rest;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.referral.course.service.CourseService;
import dk.stafet.referral.course.service.CourseView;
import dk.stafet.referral.course.service.DeclineAcuteReferral;
import dk.stafet.referral.course.service.EndCourse;
import dk.stafet.referral.course.service.StartCourse;
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
 * Acute-function, outpatient, IV and practising-specialist courses, and declined acute referrals.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Courses",
    description = "Acute function, hospital outpatient, IV at home, practising specialist")
public class CourseResource {

  private final CourseService courses;
  private final Caller caller;

  public CourseResource(CourseService courses, Caller caller) {
    this.courses = courses;
    this.caller = caller;
  }

  @POST
  @Path("/courses")
  @Operation(summary = "Start a course owned by the caller (ownerSor)")
  public RestResponse<CourseView> start(@NotNull @Valid StartCourse body) {
    CourseView course =
        courses.start(caller.requireRole(StafetRole.STAFF, "recording course facts"), body);
    return RestResponse.ResponseBuilder.<CourseView>created(
            URI.create("/api/courses/" + course.id()))
        .entity(course)
        .build();
  }

  @POST
  @Path("/courses/{id}/end")
  @Operation(summary = "End a course (acute function: with its exit)")
  public CourseView end(@PathParam("id") UUID id, EndCourse body) {
    return courses.end(
        id,
        caller.requireRole(StafetRole.STAFF, "recording course facts"),
        body == null ? new EndCourse(null, null) : body);
  }

  @GET
  @Path("/courses/{id}")
  @Operation(summary = "One course with its history (audited; 404 unless the caller is involved)")
  public CourseView get(@PathParam("id") UUID id) {
    return courses.get(id, caller.requireOrganisation());
  }

  @POST
  @Path("/acute-referrals/declined")
  @Operation(summary = "The caller (an acute function) declined an acute-function referral")
  public RestResponse<CourseView> declined(@NotNull @Valid DeclineAcuteReferral body) {
    CourseView course =
        courses.declineAcuteReferral(
            caller.requireRole(StafetRole.STAFF, "recording course facts"), body);
    return RestResponse.ResponseBuilder.<CourseView>created(
            URI.create("/api/courses/" + course.id()))
        .entity(course)
        .build();
  }
}
