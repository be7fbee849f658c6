package dk.stafet.service.security;

/**
 * The request carries no valid bearer token (none, expired, wrongly signed, another issuer or
 * audience, or naming no organisation); every service answers it 401 with {@code
 * Problem.notAuthenticated}.
 */
public class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super(
        "the request must carry a valid bearer token (Authorization: Bearer ...) naming the calling organisation",
        null,
        false,
        false);
  }
}
