package dk.stafet.service.security;

import dk.stafet.service.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The 401 of a request without a valid token and the 403 of a caller lacking a role, the same in
 * every service's JSON API (a FHIR base answers its own OperationOutcome: {@code FhirServer}).
 */
public class SecurityProblems {

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthenticated(NotAuthenticatedException e) {
    return Problem.notAuthenticated(e).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthorised(NotAuthorisedException e) {
    return Problem.of(403, NotAuthorisedException.CODE, "Not authorised", e.getMessage())
        .response();
  }
}
