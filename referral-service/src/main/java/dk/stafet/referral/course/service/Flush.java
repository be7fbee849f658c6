package dk.stafet.referral.course.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Flushes inside the service method, so a lost optimistic-locking race becomes a 409 instead of a
 * commit failure.
 */
final class Flush {

  private Flush() {}

  static void now(String aggregate) {
    try {
      Panache.getEntityManager().flush();
    } catch (OptimisticLockException | StaleStateException e) {
      throw new ConcurrentChangeException(aggregate);
    }
  }
}
