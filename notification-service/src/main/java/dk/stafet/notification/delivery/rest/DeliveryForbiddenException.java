package dk.stafet.notification.delivery.rest;

/** The caller is known but may not do this; the message names the rule, never patient data. */
public class DeliveryForbiddenException extends RuntimeException {

  public DeliveryForbiddenException(String message) {
    super(message, null, false, false);
  }
}
