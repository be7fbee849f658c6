package dk.stafet.tools.demo;

/**
 * Paces requests at a steady rate: slot n is at start + n / rate. A pacer that fell behind (a slow
 * answer) does not burst to catch up; it starts counting again from now.
 */
final class Pacer {

  private final long intervalNanos;
  private long next = System.nanoTime();

  Pacer(double perSecond) {
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
  }

  /** Sleeps until the next slot. */
  void await() throws InterruptedException {
    long now = System.nanoTime();
    if (now - next > 1_000_000_000L) {
      next = now;
    }
    long wait = next - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
    next += intervalNanos;
  }
}
