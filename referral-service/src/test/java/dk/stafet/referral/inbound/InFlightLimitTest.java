package dk.stafet.referral.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  @Test
  void noMoreThanTheBoundRunAtOnceAndEveryOneRuns() throws Exception {
    InFlightLimit limit = new InFlightLimit(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch allWaiting = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(6);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      results.add(
          callers.submit(
              () ->
                  limit.run(
                      () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                          allWaiting.await(200, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return n;
                      })));
    }
    int sum = 0;
    for (Future<Integer> result : results) {
      sum += result.get(10, TimeUnit.SECONDS);
    }
    callers.shutdown();
    assertEquals(2, most.get(), "at most two at once, and two did run together");
    assertEquals(0 + 1 + 2 + 3 + 4 + 5, sum, "every caller got its own answer");
  }

  @Test
  void zeroMeansTwiceTheProcessors() {
    assertEquals(2 * Runtime.getRuntime().availableProcessors(), new InFlightLimit(0).size());
    assertEquals(3, new InFlightLimit(3).size());
  }

  @Test
  void aFailureGivesItsPermitBack() {
    InFlightLimit limit = new InFlightLimit(1);
    for (int i = 0; i < 3; i++) {
      try {
        limit.run(
            () -> {
              throw new IllegalStateException("store unavailable");
            });
      } catch (IllegalStateException expected) {
        // the next caller must still get in
      }
    }
    assertEquals("in", limit.run(() -> "in"));
  }
}
