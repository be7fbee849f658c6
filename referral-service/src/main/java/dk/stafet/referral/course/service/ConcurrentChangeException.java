package dk.stafet.referral.course.service;

/**
 * Another request changed the same referral, stay or course at the same time (optimistic locking);
 * retry (409).
 */
public class ConcurrentChangeException extends RuntimeException {

  public ConcurrentChangeException(String aggregate) {
    super(aggregate + " was changed concurrently; read it again and retry");
  }
}
