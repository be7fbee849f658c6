package dk.stafet.notification.delivery.rest;

import dk.stafet.service.security.NotAuthenticatedException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals as problem bodies (the same shape as responsibility-service's): a status, a stable code, a message. */
public class DeliveryProblems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** An error body; never carries patient data. */
  public record Problem(int status, String code, String message) {
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthenticated(NotAuthenticatedException e) {
    return problem(401, "NOT_AUTHENTICATED", e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> forbidden(DeliveryForbiddenException e) {
    return problem(403, "FORBIDDEN", e.getMessage());
  }

  static RestResponse<Problem> problem(int status, String code, String message) {
    return RestResponse.ResponseBuilder.<Problem>create(status).entity(new Problem(status, code, message))
        .type(MEDIA_TYPE).build();
  }
}
