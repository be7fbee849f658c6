package dk.stafet.notification.delivery.rest;

/**
 * No such outgoing message, or not one the caller may see (HTTP 404, problem code {@code
 * NOT_FOUND}).
 */
public class UnknownDeliveryException extends RuntimeException {

  public UnknownDeliveryException() {
    super("no such outgoing message for this organisation", null, false, false);
  }
}
