package dk.stafet.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void medcomDefaultWaitsThirtyMinutesAndResendsTwice() {
    RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(30), 2);

    assertThat(schedule.ackDeadline(SENT)).isEqualTo(SENT.plus(Duration.ofMinutes(30)));
    assertThat(schedule.afterFailedAttempt(1)).isEqualTo(RetrySchedule.Next.RESEND);
    assertThat(schedule.afterFailedAttempt(2)).isEqualTo(RetrySchedule.Next.RESEND);
    assertThat(schedule.afterFailedAttempt(3)).isEqualTo(RetrySchedule.Next.DEAD_LETTER);
    assertThat(schedule.maxTransmissions()).isEqualTo(3);
    assertThat(schedule.givesUpAt(SENT)).isEqualTo(SENT.plus(Duration.ofMinutes(90)));
  }

  @Test
  void aManualResendAfterTheLimitIsDeadLetteredAgainOnTimeout() {
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(3), 2);

    assertThat(schedule.afterFailedAttempt(4)).isEqualTo(RetrySchedule.Next.DEAD_LETTER);
  }

  @Test
  void withoutResendsTheFirstTimeoutIsFinal() {
    RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), 0);

    assertThat(schedule.afterFailedAttempt(1)).isEqualTo(RetrySchedule.Next.DEAD_LETTER);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
