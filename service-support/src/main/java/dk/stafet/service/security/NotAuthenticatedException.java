package dk.stafet.service.security;

/** The request names no (valid) organisation; each service answers 401 in its own problem format. */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("the request must name the calling organisation (" + Caller.HEADER + ": its SOR code)", null, false, false);
  }
}
