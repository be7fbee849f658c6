package dk.stafet.notification.delivery.rest;

import dk.stafet.service.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals as the services' shared problem body ({@link Problem}: RFC 9457 plus the stable {@code
 * code}).
 */
public class DeliveryProblems {

  @ServerExceptionMapper
  public RestResponse<Problem> forbidden(DeliveryForbiddenException e) {
    return Problem.of(403, "FORBIDDEN", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> unknownDelivery(UnknownDeliveryException e) {
    return Problem.of(404, "NOT_FOUND", "Not found", e.getMessage()).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notDeadLettered(NotDeadLetteredException e) {
    return Problem.of(409, "NOT_DEAD_LETTERED", "Not dead-lettered", e.getMessage()).response();
  }
}
