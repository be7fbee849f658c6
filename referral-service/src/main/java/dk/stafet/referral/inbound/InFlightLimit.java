package dk.stafet.referral.inbound;

import dk.stafet.referral.config.FrontDoorConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many messages read, validated and stored at once; the others wait their turn, in
 * arrival order. Each message in flight holds HAPI's object model, the validator's element model
 * and the findings, so the bound keeps a burst of concurrent requests (the worker pool allows about
 * 200) within the heap; on a few cores more in flight would only queue for the CPU.
 */
@Singleton
public class InFlightLimit {

  private final Semaphore permits;
  private final int size;

  @Inject
  public InFlightLimit(FrontDoorConfig config) {
    this(config.limits().maxConcurrent());
  }

  /**
   * @param configured the bound; 0 or less = twice the processors
   */
  InFlightLimit(int configured) {
    this.size = configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
    this.permits = new Semaphore(size, true);
  }

  int size() {
    return size;
  }

  <T> T run(Supplier<T> work) {
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
