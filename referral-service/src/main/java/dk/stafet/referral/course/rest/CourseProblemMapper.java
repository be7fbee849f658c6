package dk.stafet.referral.course.rest;

import dk.stafet.referral.course.lifecycle.InvalidTransitionException;
import dk.stafet.referral.course.service.ConcurrentChangeException;
import dk.stafet.referral.course.service.InvalidCommandException;
import dk.stafet.referral.course.service.InvalidCprException;
import dk.stafet.referral.course.service.UnknownOrganisationException;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.service.security.NotAuthenticatedException;
import dk.stafet.referral.security.NotTheActorException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the course-facts exceptions into problem bodies. The messages hold no patient data by construction. */
public class CourseProblemMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> invalidTransition(InvalidTransitionException e) {
    Problem problem = new Problem(Problem.TYPE_PREFIX + "invalid-transition", "Invalid transition", 409, e.getMessage(),
        e.transition(), e.fromState(), e.aggregate());
    return problem(problem);
  }

  @ServerExceptionMapper
  public RestResponse<Problem> concurrentChange(ConcurrentChangeException e) {
    return problem(Problem.of("concurrent-change", "Concurrent change", 409, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unknownResource(UnknownResourceException e) {
    return problem(Problem.of("not-found", "Not found", 404, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unknownOrganisation(UnknownOrganisationException e) {
    return problem(Problem.of("unknown-organisation", "Unknown organisation", 422, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidCpr(InvalidCprException e) {
    return problem(Problem.of("invalid-cpr", "Invalid CPR number", 422, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidCommand(InvalidCommandException e) {
    return problem(Problem.of("invalid-command", "Invalid command", 422, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthenticated(NotAuthenticatedException e) {
    return problem(Problem.of("not-authenticated", "No calling organisation", 401, e.getMessage()));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notTheActor(NotTheActorException e) {
    return problem(Problem.of("not-the-actor", "Not the acting organisation", 403, e.getMessage()));
  }

  private static RestResponse<Problem> problem(Problem problem) {
    return RestResponse.ResponseBuilder.<Problem>create(problem.status())
        .entity(problem)
        .type(Problem.MEDIA_TYPE)
        .build();
  }
}
