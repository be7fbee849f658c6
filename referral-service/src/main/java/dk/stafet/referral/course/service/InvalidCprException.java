package dk.stafet.referral.course.service;

/** A malformed CPR number (HTTP 422). The message names the problem, never the number. */
public class InvalidCprException extends RuntimeException {

  public InvalidCprException(String problem) {
    super("cpr: " + problem);
  }
}
