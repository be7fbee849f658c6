package dk.stafet.responsibility.rest;

import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.security.ForbiddenException;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.messaging.UntilStored;
import dk.stafet.service.problem.Problem;
import dk.stafet.service.security.NotAuthenticatedException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns refusals into the services' shared problem body ({@link Problem}: RFC 9457 plus the stable
 * {@code code}; the type and title follow from the code). Domain refusals (R23, R24, R27, R20) are
 * 409 with the domain's stable code: the request was understood but conflicts with the patient's
 * current responsibility or the handover's state. Messages hold SOR codes and ids only, never
 * patient data (DomainException guarantees this too).
 */
public class ProblemMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> domain(DomainException e) {
    return problem(409, e.code().name(), e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notAuthenticated(NotAuthenticatedException e) {
    return Problem.notAuthenticated(e).response();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> forbidden(ForbiddenException e) {
    return problem(403, e.code(), e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> patientNotFound(PatientNotFoundException e) {
    return problem(404, "PATIENT_NOT_FOUND", e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> notFound(NotFoundException e) {
    return problem(404, "NOT_FOUND", e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<Problem> invalid(InvalidRequestException e) {
    return problem(422, e.code(), e.getMessage());
  }

  /**
   * The database failed under a request (away, restarting, a pool without connections) or a
   * concurrent request changed the same rows first. Both used to be a bare 500 (seen on handover
   * proposals in the chaos run, docs/reliability.md): an outage is a retryable 503 with
   * Retry-After, and nothing of the request was kept (its transaction rolled back); a lost race is
   * 409 CONCURRENT_CHANGE, to be read again and retried.
   */
  @ServerExceptionMapper({PersistenceException.class, TransactionalException.class})
  public RestResponse<Problem> storage(RuntimeException e) {
    if (UntilStored.isInfrastructureFailure(e)) {
      Log.warnf("Request failed: storage unavailable (%s)", e.getClass().getSimpleName());
      return RestResponse.ResponseBuilder.<Problem>create(503)
          .entity(
              Problem.of(
                  503,
                  "STORAGE_UNAVAILABLE",
                  "The ledger cannot store or read right now; nothing was changed. Send the request"
                      + " again later"))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .type(Problem.MEDIA_TYPE)
          .build();
    }
    if (isConcurrentChange(e)) {
      return problem(
          409,
          "CONCURRENT_CHANGE",
          "Another request changed the same records at the same time; read them again and retry");
    }
    Log.errorf(e, "Request failed in the database (%s)", e.getClass().getSimpleName());
    return problem(500, "INTERNAL_ERROR", "The request failed; nothing was changed");
  }

  private static final String RETRY_AFTER_SECONDS = "5";

  /** An optimistic-lock conflict or a unique/exclusion constraint (SQLSTATE 23505, 23P01). */
  private static boolean isConcurrentChange(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
        return true;
      }
      if (t instanceof SQLException sql
          && ("23505".equals(sql.getSQLState()) || "23P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static RestResponse<Problem> problem(int status, String code, String detail) {
    return Problem.of(status, code, detail).response();
  }
}
