package dk.stafet.service.security;

import dk.stafet.service.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 403 of a caller lacking a role, the same in every service. */
public class SecurityProblems {

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthorised(NotAuthorisedException e) {
    return Problem.of(403, NotAuthorisedException.CODE, "Not authorised", e.getMessage())
        .response();
  }
}
