package dk.stafet.responsibility.rest;

import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.security.ForbiddenException;
import dk.stafet.responsibility.security.PatientNotFoundException;
import dk.stafet.service.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns refusals into the services' shared problem body ({@link Problem}: RFC 9457 plus the stable
 * {@code code}; the type and title follow from the code). Domain refusals (R23, R24, R27, R20) are
 * 409 with the domain's stable code: the request was understood but conflicts with the patient's
 * current responsibility or the handover's state. Messages hold SOR codes and ids only, never
 * patient data (DomainException guarantees this too). Storage failures (503, 409) and the 401 are
 * answered the same in every service: service-support's {@code StorageProblems} and {@code
 * SecurityProblems}.
 */
public class ProblemMapper {

  @ServerExceptionMapper
  public RestResponse<Problem> domain(DomainException e) {
    return problem(409, e.code().name(), e.getMessage());
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

  private static RestResponse<Problem> problem(int status, String code, String detail) {
    return Problem.of(status, code, detail).response();
  }
}
