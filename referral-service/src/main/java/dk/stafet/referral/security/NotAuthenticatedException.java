package dk.stafet.referral.security;

/** The request names no organisation: patient data is not served and nothing is written (HTTP 401). */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("the request must name the calling organisation in " + Caller.HEADER);
  }
}
