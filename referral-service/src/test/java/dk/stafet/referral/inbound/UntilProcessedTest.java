package dk.stafet.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilProcessedTest {

  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void aFailingFrontDoorIsTriedAgainWithGrowingPausesUntilItGoesThrough() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    UntilProcessed untilProcessed = new UntilProcessed(Duration.ofSeconds(5), pauses::add);

    String result = untilProcessed.run("record", () -> {
      if (calls.incrementAndGet() <= 5) {
        throw new IllegalStateException("database down");
      }
      return "stored";
    });

    assertThat(result).isEqualTo("stored");
    assertThat(calls).hasValue(6);
    assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 5L, 5L);
  }

  @Test
  void aSuccessIsNotDelayed() throws InterruptedException {
    assertThat(new UntilProcessed(Duration.ofSeconds(5), pauses::add).run("record", () -> 42)).isEqualTo(42);
    assertThat(pauses).isEmpty();
  }

  @Test
  void onlyAnInterruptEndsTheWaitAndTheRecordIsNotTakenAsDone() {
    UntilProcessed untilProcessed = new UntilProcessed(Duration.ofSeconds(5), duration -> {
      throw new InterruptedException("shutdown");
    });
    assertThatThrownBy(() -> untilProcessed.run("record", () -> {
      throw new IllegalStateException("database down");
    })).isInstanceOf(InterruptedException.class);
  }
}
