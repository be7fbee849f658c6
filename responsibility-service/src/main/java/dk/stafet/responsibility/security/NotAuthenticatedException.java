package dk.stafet.responsibility.security;

/** The request names no organisation: no patient data is served (HTTP 401). */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("the request must name the calling organisation in " + Caller.HEADER);
  }
}
