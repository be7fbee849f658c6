package dk.stafet.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

  /**
   * What Quarkus's default-kafka-broker map holds for kafka.* / KAFKA_* settings of a SASL_SSL
   * listener.
   */
  private static final Map<String, Object> SASL_SSL =
      Map.of(
          "bootstrap.servers", "stafet-kafka-bootstrap:9093",
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config",
              "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
          "ssl.truststore.type", "PEM",
          "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
          "group.id", "referral-service");

  @Test
  void theProducerTakesTheChannelsSecuritySettings() {
    Properties producer =
        KafkaClientSettings.producer(SASL_SSL, Map.of(ProducerConfig.ACKS_CONFIG, "all"));

    assertThat(producer)
        .containsEntry("bootstrap.servers", "stafet-kafka-bootstrap:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", SASL_SSL.get("sasl.jaas.config"))
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
        .containsEntry("acks", "all");
  }

  @Test
  void consumerOnlyKeysStayOutOfTheProducerAndTheClientsOwnSettingsWin() {
    Properties producer =
        KafkaClientSettings.producer(
            Map.of("bootstrap.servers", "b:9092", "group.id", "x", "acks", "1", "linger.ms", ""),
            Map.of(ProducerConfig.ACKS_CONFIG, "all"));

    assertThat(producer)
        .doesNotContainKey("group.id")
        .doesNotContainKey("linger.ms")
        .containsEntry("acks", "all");
  }

  @Test
  void theConsumerKeepsTheSecuritySettingsAndItsOwnGroup() {
    Properties consumer = KafkaClientSettings.consumer(SASL_SSL, Map.of("group.id", "simulator"));

    assertThat(consumer)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("group.id", "simulator");
  }

  @Test
  void withoutABootstrapAddressItSaysWhichSettingIsMissing() {
    assertThatThrownBy(
            () -> KafkaClientSettings.producer(Map.of("security.protocol", "SSL"), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kafka.bootstrap.servers");
  }

  @Test
  void kafkaAcceptsTheMergedSettingsAsAProducerConfiguration() {
    // Building a producer parses and validates every setting (SASL login included) without
    // contacting a broker.
    Map<String, Object> saslPlaintext =
        Map.of(
            "bootstrap.servers",
            "127.0.0.1:1",
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "SCRAM-SHA-512",
            "sasl.jaas.config",
            SASL_SSL.get("sasl.jaas.config"));
    Properties settings =
        KafkaClientSettings.producer(saslPlaintext, Map.of(ProducerConfig.CLIENT_ID_CONFIG, "t"));

    KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    try {
      assertThat(producer.metrics()).isNotEmpty();
    } finally {
      producer.close(Duration.ZERO);
    }
  }
}
