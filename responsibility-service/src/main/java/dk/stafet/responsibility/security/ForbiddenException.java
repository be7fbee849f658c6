package dk.stafet.responsibility.security;

/**
 * The caller is known but its role does not allow this request (HTTP 403), e.g. a non-coordinator
 * asking for the attention list. Used only where no patient is named, so it reveals nothing about a
 * patient's existence.
 */
public class ForbiddenException extends RuntimeException {

  private final String code;

  public ForbiddenException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
