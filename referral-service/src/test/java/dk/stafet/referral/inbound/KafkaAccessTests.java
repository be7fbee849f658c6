package dk.stafet.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.SecuredKafkaResource;
import dk.stafet.testsupport.StrimziKafkaAccess;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka access per organisation (issue 14), against a broker secured as production runs it:
 * SASL/SCRAM-SHA-512 and KRaft's StandardAuthorizer, with exactly the topics, users and ACLs of the
 * Strimzi manifests in {@code deploy/} ({@link SecuredKafkaResource}). referral-service itself logs
 * in as its KafkaUser {@code referral-service}, so its consumer and its outbox relay work only with
 * that user's rights.
 *
 * <p>Outside principals: Herlev's cardiology department (the sender of MedCom's examples), the
 * municipality Plejecenter Herlev and the GP Lægehuset Åbyhøj, each {@code recipient-<GLN>}.
 */
@QuarkusTest
@WithTestResource(
    value = SecuredKafkaResource.class,
    initArgs = {
      @ResourceArg(name = "user", value = "referral-service"),
      @ResourceArg(
          name = "manifests",
          value =
              "../deploy/base/kafka/topics.yaml,../deploy/base/kafka/users.yaml,"
                  + "../deploy/overlays/dev/recipients.yaml")
    })
@WithTestResource(PostgresResource.class)
class KafkaAccessTests {

  private static final MedcomCodec CODEC = new MedcomCodec();

  /** Hjerteafdelingen, Herlev: the sender of MedCom's HospitalNotification examples. */
  private static final String HOSPITAL = "5790000209354";

  /** Plejecenter Herlev, a municipality: the examples' receiver. */
  private static final String MUNICIPALITY = "5790001348120";

  /** Lægehuset Åbyhøj, a GP. */
  private static final String GP = "5799990000187";

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final List<String> INTERNAL_TOPICS =
      List.of(
          Topics.COURSE_EVENTS,
          Topics.MEDCOM_MESSAGE_EVENTS,
          Topics.RESPONSIBILITY_EVENTS,
          Topics.DELIVERY_EVENTS,
          "stafet.course-events.responsibility-dlq",
          "stafet.notification-service.dlq");

  @ParameterizedTest
  @ValueSource(strings = {MUNICIPALITY, GP})
  void anOutsiderCannotReadAnotherOrganisationsOutboundTopic(String outsider) {
    String other = outsider.equals(GP) ? MUNICIPALITY : GP;

    assertThatThrownBy(() -> readFromBeginning(outsider, Topics.outboundFor(other)))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> readFromBeginning(outsider, Topics.outboundFor(HOSPITAL)))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {MUNICIPALITY, GP})
  void anOutsiderCannotReadAnyInternalTopicNorAnyInboundTopic(String outsider) {
    for (String topic : INTERNAL_TOPICS) {
      assertThatThrownBy(() -> readFromBeginning(outsider, topic))
          .as(topic)
          .isInstanceOf(TopicAuthorizationException.class);
    }
    for (String inbound : List.of(Topics.inboundFrom(outsider), Topics.inboundFrom(HOSPITAL))) {
      assertThatThrownBy(() -> readFromBeginning(outsider, inbound))
          .as(inbound)
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void anOutsiderReadsItsOwnOutboundTopic() {
    assertThat(readFromBeginning(GP, Topics.outboundFor(GP))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {MUNICIPALITY, GP})
  void anOutsiderWritesOnlyItsOwnInboundTopic(String outsider) {
    String other = outsider.equals(GP) ? MUNICIPALITY : GP;
    for (String topic :
        List.of(
            Topics.inboundFrom(other),
            Topics.inboundFrom(HOSPITAL),
            Topics.outboundFor(outsider),
            Topics.outboundFor(other),
            Topics.COURSE_EVENTS,
            Topics.MEDCOM_MESSAGE_EVENTS)) {
      assertThat(write(outsider, topic))
          .as("writing %s as recipient-%s", topic, outsider)
          .isInstanceOf(TopicAuthorizationException.class);
    }
    // Its own topic takes it: the front door answers this garbage by quarantining it.
    assertThat(write(outsider, Topics.inboundFrom(outsider))).isNull();
  }

  /**
   * (c) and (d): the municipality writes, on its own topic, a letter that names the hospital as its
   * sender: fatal-error naming the mismatch, on the municipality's own topic and not on the
   * hospital's. The hospital's own letter is accepted. Both answers come through referral-service's
   * consumer and its outbox relay over SASL.
   */
  @Test
  void theSenderMustBeTheAuthenticatedPrincipal() {
    String forged =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage forgedLetter = new MedcomMessage(CODEC.parse(forged, "application/fhir+json"));
    assertThat(forgedLetter.sender().orElseThrow().gln()).isEqualTo(HOSPITAL);
    String genuine =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage genuineLetter = new MedcomMessage(CODEC.parse(genuine, "application/fhir+json"));

    try (KafkaTestClient municipality = client(MUNICIPALITY);
        KafkaTestClient hospital = client(HOSPITAL)) {
      municipality.send(
          Topics.inboundFrom(MUNICIPALITY),
          UUID.randomUUID().toString(),
          forged,
          Map.of("content-type", "application/fhir+json"));
      hospital.send(
          Topics.inboundFrom(HOSPITAL),
          UUID.randomUUID().toString(),
          genuine,
          Map.of("content-type", "application/fhir+json"));

      MedcomMessage rejected = awaitAnswer(municipality, MUNICIPALITY, forgedLetter);
      var response = rejected.acknowledgementResponse().orElseThrow();
      assertThat(response.code()).isEqualTo("fatal-error");
      assertThat(response.issues())
          .singleElement()
          .asString()
          .contains("MSG_NO_MATCH")
          .contains("not the authenticated organisation (" + MUNICIPALITY + ")")
          .contains("GLN " + HOSPITAL);

      ConsumerRecord<String, String> acceptedRecord =
          hospital.awaitRecord(Topics.outboundFor(HOSPITAL), r -> answers(r, genuineLetter), WAIT);
      MedcomMessage accepted =
          new MedcomMessage(CODEC.parse(acceptedRecord.value(), (String) null));
      assertThat(accepted.acknowledgementResponse().orElseThrow().code()).isEqualTo("ok");
      // The outbox relay published the letter's course fact, which responsibility-service, with
      // its own identity, may read (keyed by the same patient pseudonym as the answer).
      try (KafkaTestClient responsibility =
          new KafkaTestClient(bootstrap(), StrimziKafkaAccess.login("responsibility-service"))) {
        assertThat(
                responsibility.awaitRecord(
                    Topics.COURSE_EVENTS, r -> acceptedRecord.key().equals(r.key()), WAIT))
            .isNotNull();
      }
      // The forged letter's answer never reached the organisation it claimed to be.
      assertThat(answersTo(hospital, HOSPITAL, forgedLetter)).isZero();
    }
  }

  /**
   * The sender check comes before the duplicate check: a copy of the hospital's accepted letter
   * (same letter id, new envelope) written by the municipality gets fatal-error, not the hospital's
   * earlier answer.
   */
  @Test
  void anImpostorReusingALetterIdGetsNoOneElsesAnswer() throws Exception {
    String genuine =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage letter = new MedcomMessage(CODEC.parse(genuine, "application/fhir+json"));
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(genuine);
    copy.put("id", UUID.randomUUID().toString());
    Map<String, String> json = Map.of("content-type", "application/fhir+json");

    try (KafkaTestClient municipality = client(MUNICIPALITY);
        KafkaTestClient hospital = client(HOSPITAL)) {
      hospital.send(Topics.inboundFrom(HOSPITAL), UUID.randomUUID().toString(), genuine, json);
      assertThat(awaitAnswer(hospital, HOSPITAL, letter).acknowledgementResponse().orElseThrow())
          .extracting(response -> response.code())
          .isEqualTo("ok");

      municipality.send(
          Topics.inboundFrom(MUNICIPALITY), UUID.randomUUID().toString(), copy.toString(), json);

      var answer =
          awaitAnswer(municipality, MUNICIPALITY, letter).acknowledgementResponse().orElseThrow();
      assertThat(answer.code()).isEqualTo("fatal-error");
      assertThat(answer.issues()).asString().contains("MSG_NO_MATCH");
    }
  }

  private static MedcomMessage awaitAnswer(
      KafkaTestClient recipient, String gln, MedcomMessage letter) {
    ConsumerRecord<String, String> record =
        recipient.awaitRecord(Topics.outboundFor(gln), r -> answers(r, letter), WAIT);
    return new MedcomMessage(CODEC.parse(record.value(), (String) null));
  }

  private static long answersTo(KafkaTestClient recipient, String gln, MedcomMessage letter) {
    return recipient.readAll(Topics.outboundFor(gln), Duration.ofSeconds(5)).stream()
        .filter(r -> answers(r, letter))
        .count();
  }

  private static boolean answers(ConsumerRecord<String, String> record, MedcomMessage letter) {
    return new MedcomMessage(CODEC.parse(record.value(), (String) null))
        .acknowledgementResponse()
        .map(response -> letter.messageHeaderId().equals(response.identifier()))
        .orElse(false);
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  private static Map<String, String> login(String gln) {
    return StrimziKafkaAccess.login("recipient-" + gln);
  }

  private static KafkaTestClient client(String gln) {
    return new KafkaTestClient(bootstrap(), login(gln));
  }

  /** Reads partition 0 of the topic from its beginning as the organisation; returns what came. */
  private static List<ConsumerRecord<String, String>> readFromBeginning(String gln, String topic) {
    Properties p = new Properties();
    p.putAll(login(gln));
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      return consumer.poll(Duration.ofSeconds(5)).records(partition);
    }
  }

  /** Writes one record as the organisation; returns the broker's refusal, or null if it took it. */
  private static Throwable write(String gln, String topic) {
    Properties p = new Properties();
    p.putAll(login(gln));
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "not a Bundle")).get(15, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }
}
