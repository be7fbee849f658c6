package dk.stafet.referral.course.rest;

import dk.stafet.referral.course.lifecycle.InvalidTransitionException;
import dk.stafet.referral.course.service.ConcurrentChangeException;
import dk.stafet.referral.course.service.InvalidCommandException;
import dk.stafet.referral.course.service.InvalidCprException;
import dk.stafet.referral.course.service.UnknownOrganisationException;
import dk.stafet.referral.course.service.UnknownResourceException;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the course-facts exceptions into the services' shared problem body ({@link Problem}). The
 * messages hold no patient data by construction. The codes follow the types these answers have
 * always had (invalid-transition → INVALID_TRANSITION), so the types are unchanged.
 */
public class CourseProblemMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> invalidTransition(InvalidTransitionException e) {
    return Problem.of(409, "INVALID_TRANSITION", "Invalid transition", e.getMessage())
        .withTransition(e.aggregate(), e.transition(), e.fromState())
        .response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> concurrentChange(ConcurrentChangeException e) {
    return Problem.of(409, "CONCURRENT_CHANGE", "Concurrent change", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unknownResource(UnknownResourceException e) {
    return Problem.of(404, "NOT_FOUND", "Not found", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unknownOrganisation(UnknownOrganisationException e) {
    return Problem.of(422, "UNKNOWN_ORGANISATION", "Unknown organisation", e.getMessage())
        .response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidCpr(InvalidCprException e) {
    return Problem.of(422, "INVALID_CPR", "Invalid CPR number", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalidCommand(InvalidCommandException e) {
    return Problem.of(422, "INVALID_COMMAND", "Invalid command", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notTheActor(NotTheActorException e) {
    return Problem.of(403, "NOT_THE_ACTOR", "Not the acting organisation", e.getMessage())
        .response();
  }
}
