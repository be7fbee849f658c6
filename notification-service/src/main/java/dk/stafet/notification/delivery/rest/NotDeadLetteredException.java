package dk.stafet.notification.delivery.rest;

/**
 * A resend of a message that is not dead-lettered (HTTP 409); the message names its state only,
 * never patient data.
 */
public class NotDeadLetteredException extends RuntimeException {

  public NotDeadLetteredException(String message) {
    super(message, null, false, false);
  }
}
