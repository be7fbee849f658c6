package dk.stafet.service.security;

/** The request names no (valid) organisation; every service answers it 401 with {@code Problem.notAuthenticated}. */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("the request must name the calling organisation (" + Caller.HEADER + ": its SOR code)", null, false, false);
  }
}
