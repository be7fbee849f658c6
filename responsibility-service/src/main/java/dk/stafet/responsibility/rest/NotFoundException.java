package dk.stafet.responsibility.rest;

/** Something other than a patient is unknown, or not visible to the caller (HTTP 404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super("no such " + what + " for this organisation");
  }
}
