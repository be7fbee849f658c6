package dk.stafet.responsibility.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.KafkaChannelSettings;
import org.junit.jupiter.api.Test;

/**
 * The chaos run found a consumer that waited longer than 60 s for its database (or, after a restart
 * on a busy machine, for the validator warm-up): SmallRye's throttled commit then failed the
 * channel for good, and the service went on answering ready while it consumed nothing more. Every
 * incoming Kafka channel switches that limit off (docs/reliability.md).
 */
class KafkaChannelSettingsTest {

  @Test
  void noIncomingChannelFailsBecauseARecordWaitsForTheDatabase() {
    assertThat(KafkaChannelSettings.channelsFailingOnSlowRecords()).isEmpty();
  }
}
