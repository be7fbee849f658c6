package dk.stafet.responsibility.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.KafkaChannelSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The chaos run found a consumer that waited longer than 60 s for its database (or, after a restart
 * on a busy machine, for the validator warm-up): SmallRye's throttled commit then failed the
 * channel for good, and the service went on answering ready while it consumed nothing more. Every
 * incoming Kafka channel switches that limit off (docs/reliability.md). The chaos run also found a
 * killed consumer holding its partitions for Kafka's default 45 s: every channel hands them on
 * within 15 s.
 */
class KafkaChannelSettingsTest {

  @Test
  void noIncomingChannelFailsBecauseARecordWaitsForTheDatabase() {
    assertThat(KafkaChannelSettings.channelsFailingOnSlowRecords()).isEmpty();
  }

  @Test
  void aKilledConsumersPartitionsMoveOnWithinFifteenSeconds() {
    assertThat(KafkaChannelSettings.channelsSlowerToFailOverThan(Duration.ofSeconds(15))).isEmpty();
  }
}
