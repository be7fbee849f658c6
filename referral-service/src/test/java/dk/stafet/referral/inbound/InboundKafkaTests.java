package dk.stafet.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kafka door: MedCom's examples on their sender's own topic {@code medcom.inbound.<GLN>},
 * acknowledgements on the sender's own {@code medcom.outbound.<GLN>}.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class InboundKafkaTests {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static KafkaTestClient kafka;

  @BeforeAll
  static void connect() {
    kafka = new KafkaTestClient(KafkaKraftResource.bootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  static java.util.List<Path> validExamples() {
    return MedcomExamples.validHospitalNotificationsAndCareCommunications();
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyValidExampleIsAcknowledgedOkOnTheSendersTopic(Path example) {
    MedcomMessage ack = sendAndAwaitAck(example);

    assertThat(ack.acknowledgementResponse().orElseThrow().code()).isEqualTo("ok");
  }

  @Test
  void theExampleBuiltToFailGetsFatalErrorOnTheSendersTopic() {
    MedcomMessage ack = sendAndAwaitAck(MedcomExamples.hospitalNotification("TEK_FCC"));

    assertThat(ack.acknowledgementResponse().orElseThrow().code()).isEqualTo("fatal-error");
    assertThat(ack.acknowledgementResponse().orElseThrow().issues()).isNotEmpty();
  }

  @Test
  void theAcknowledgementIsKeyedByThePatientPseudonymNeverTheCpr() {
    Path example = MedcomExamples.hospitalNotification("STOR_F");
    String body = MedcomExamples.read(example);
    MedcomMessage sent = new MedcomMessage(CODEC.parse(body, MedcomExamples.contentType(example)));
    kafka.send(
        MedcomSenders.inboundTopicOf(body),
        UUID.randomUUID().toString(),
        body,
        Map.of("content-type", "application/fhir+json"));

    ConsumerRecord<String, String> record = awaitAckRecord(sent);

    String cpr = sent.patient().orElseThrow().cpr();
    assertThat(record.key()).startsWith("p-").doesNotContain(cpr);
    assertThat(KafkaTestClient.header(record, "ce_type"))
        .hasValue("dk.stafet.medcom.acknowledgement");
    assertThat(KafkaTestClient.header(record, "content-type")).hasValue("application/fhir+json");
  }

  /**
   * The chaos run's finding: referral-service killed after storing a record but before its offset
   * commit reads the record again after the restart, and used to answer it a second time (the first
   * answer re-enveloped), so the hospital got two acknowledgements for one transmission. The same
   * envelope again gets no new answer; a retransmission (same letter, new Bundle.id) still does, as
   * MedCom requires.
   */
  @Test
  void theSameRecordReadAgainIsNotAnsweredTwiceButARetransmissionIs() throws Exception {
    Path example = MedcomExamples.hospitalNotification("STIN_A");
    String first = MedcomExamples.withNewIds(MedcomExamples.read(example));
    com.fasterxml.jackson.databind.node.ObjectNode retransmission =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
    retransmission.put("id", UUID.randomUUID().toString());
    MedcomMessage sent = new MedcomMessage(CODEC.parse(first, "application/fhir+json"));
    String key = UUID.randomUUID().toString(); // one partition: the three are read in this order
    Map<String, String> json = Map.of("content-type", "application/fhir+json");
    String inbound = MedcomSenders.inboundTopicOf(first);

    kafka.send(inbound, key, first, json);
    awaitAckRecord(sent);
    kafka.send(inbound, key, first, json); // as read again after a crash before the offset commit
    kafka.send(inbound, key, retransmission.toString(), json);
    String later = MedcomExamples.withNewIds(MedcomExamples.read(example));
    kafka.send(inbound, key, later, json);
    awaitAckRecord(
        new MedcomMessage(
            CODEC.parse(later, "application/fhir+json"))); // everything before it is done

    String topic = Topics.outboundFor(sent.sender().orElseThrow().gln());
    long answers =
        kafka.readAll(topic, Duration.ofSeconds(5)).stream()
            .map(record -> new MedcomMessage(CODEC.parse(record.value(), (String) null)))
            .filter(
                ack ->
                    sent.messageHeaderId()
                        .equals(
                            ack.acknowledgementResponse()
                                .map(response -> response.identifier())
                                .orElse(null)))
            .count();
    assertThat(answers)
        .as("one answer for the first envelope, one for the retransmission")
        .isEqualTo(2);
  }

  /**
   * The door is several consumers of one group, and the sender topics' partitions are spread over
   * them: two senders' letters are read side by side, each partition still in order by its one
   * consumer. (The default range assignor would give every one-partition sender topic to the same
   * consumer, which is the one-at-a-time door again.)
   */
  @Test
  void differentSendersTopicsAreReadByDifferentConsumersOfTheDoor() throws Exception {
    Map<String, Path> oneExamplePerSenderTopic = new java.util.LinkedHashMap<>();
    for (Path example : validExamples()) {
      if (example.toString().endsWith(".json")) {
        oneExamplePerSenderTopic.putIfAbsent(
            MedcomSenders.inboundTopicOf(MedcomExamples.read(example)), example);
      }
    }
    assertThat(oneExamplePerSenderTopic)
        .as("MedCom's examples come from two senders")
        .hasSizeGreaterThan(1);
    oneExamplePerSenderTopic.values().forEach(this::sendAndAwaitAck);

    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", KafkaKraftResource.bootstrapServers()))) {
      var members =
          admin
              .describeConsumerGroups(java.util.List.of("referral-service"))
              .all()
              .get()
              .get("referral-service")
              .members();
      var readers =
          members.stream()
              .filter(
                  member ->
                      member.assignment().topicPartitions().stream()
                          .anyMatch(
                              partition -> oneExamplePerSenderTopic.containsKey(partition.topic())))
              .count();
      assertThat(members).as("consumers of the Kafka door").hasSize(4);
      assertThat(readers).as("consumers reading the senders' topics").isGreaterThan(1);
    }
  }

  private MedcomMessage sendAndAwaitAck(Path example) {
    String body = MedcomExamples.read(example);
    MedcomMessage sent = new MedcomMessage(CODEC.parse(body, MedcomExamples.contentType(example)));
    kafka.send(
        MedcomSenders.inboundTopicOf(body),
        UUID.randomUUID().toString(),
        body,
        Map.of("content-type", MedcomExamples.contentType(example)));
    ConsumerRecord<String, String> record = awaitAckRecord(sent);
    return new MedcomMessage(CODEC.parse(record.value(), (String) null));
  }

  private ConsumerRecord<String, String> awaitAckRecord(MedcomMessage sent) {
    String topic = Topics.outboundFor(sent.sender().orElseThrow().gln());
    return kafka.awaitRecord(
        topic,
        record ->
            sent.messageHeaderId()
                .equals(
                    new MedcomMessage(CODEC.parse(record.value(), (String) null))
                        .acknowledgementResponse()
                        .map(response -> response.identifier())
                        .orElse(null)),
        Duration.ofSeconds(30));
  }
}
