package dk.stafet.service.problem;

import dk.stafet.service.fhir.FhirServer;
import dk.stafet.service.messaging.UntilStored;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What every service answers when its database fails under a request (issue 12; docs/errors.md,
 * "Storage failures"). Both cases used to be a bare 500 (seen in the chaos run):
 *
 * <ul>
 *   <li>the database is away, restarting, or the pool has no connection: <b>503 STORAGE_UNAVAILABLE
 *       with Retry-After</b>. The request's transaction rolled back, so nothing of it was kept, and
 *       the caller retries the same request;
 *   <li>a concurrent request changed the same rows first (optimistic lock, unique or exclusion
 *       constraint): <b>409 CONCURRENT_CHANGE</b>, to be read again and retried.
 * </ul>
 *
 * Anything else the database refuses stays a 500, logged with its stack (a defect, not the caller's
 * content). The JSON API answers the shared {@link Problem}; a FHIR base ({@code /fhir/…}) answers
 * an OperationOutcome, as FHIR clients expect. Messages name no patient data.
 */
public class StorageProblems {

  static final String RETRY_AFTER_SECONDS = "5";

  @ServerExceptionMapper({PersistenceException.class, TransactionalException.class})
  public Response storage(RuntimeException e, UriInfo uri) {
    boolean fhir = uri.getPath().startsWith("/fhir");
    if (UntilStored.isInfrastructureFailure(e)) {
      Log.warnf("Request failed: storage unavailable (%s)", e.getClass().getSimpleName());
      String detail = "Storage is unavailable; nothing was changed. Send the request again later";
      Response answer =
          fhir
              ? FhirServer.error(503, OperationOutcome.IssueType.TRANSIENT, detail)
              : Problem.of(503, "STORAGE_UNAVAILABLE", detail).response().toResponse();
      return Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
    if (isConcurrentChange(e)) {
      String detail =
          "Another request changed the same records at the same time; read them again and retry";
      return fhir
          ? FhirServer.error(409, OperationOutcome.IssueType.CONFLICT, detail)
          : Problem.of(409, "CONCURRENT_CHANGE", detail).response().toResponse();
    }
    Log.errorf(e, "Request failed in the database (%s)", e.getClass().getSimpleName());
    String detail = "The request failed; nothing was changed";
    return fhir
        ? FhirServer.error(500, OperationOutcome.IssueType.EXCEPTION, detail)
        : Problem.of(500, "INTERNAL_ERROR", detail).response().toResponse();
  }

  /** An optimistic-lock conflict or a unique/exclusion constraint (SQLSTATE 23505, 23P01). */
  static boolean isConcurrentChange(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return true;
      }
      if (t instanceof SQLException sql
          && ("23505".equals(sql.getSQLState()) || "23P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
