package dk.stafet.responsibility.rest;

/**
 * A request that is well-formed JSON but cannot be acted on (HTTP 422). The message never holds
 * patient data.
 */
public class InvalidRequestException extends RuntimeException {

  private final String code;

  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
