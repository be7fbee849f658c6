package dk.stafet.referral.course.service;

/**
 * No such referral, stay, course or patient, or none the caller may see (HTTP 404; the two are not
 * told apart).
 */
public class UnknownResourceException extends RuntimeException {

  public UnknownResourceException(String resourceType) {
    super("no such " + resourceType);
  }
}
