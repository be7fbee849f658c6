package dk.stafet.referral.security;

/**
 * The caller may see the course but is not the organisation that performs this act (e.g. a referrer
 * trying to accept its own referral). HTTP 403; callers that may not even see the course get 404
 * instead.
 */
public class NotTheActorException extends RuntimeException {

  public NotTheActorException(String act, String requiredRole) {
    super(act + " must be done by the " + requiredRole);
  }
}
