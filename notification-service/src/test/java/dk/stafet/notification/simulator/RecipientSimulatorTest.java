package dk.stafet.notification.simulator;

import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipient simulator answers messages on simulated recipients' topics with MedCom
 * acknowledgements on the front door's topic: ok by default, fatal-error for a rejecting recipient
 * (here Gladsaxe; configuration in the %test profile, started by the test as {@code
 * stafet.simulator.enabled=true} would at start-up). The front door itself (referral-service) is
 * not running here, so the test reads the acknowledgements from {@code medcom.inbound.<GLN>}.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class RecipientSimulatorTest {

  @Inject DeliveryOperations operations;
  @Inject RecipientSimulator simulator;

  /**
   * The %test profile configures the simulator (Herlev answers ok, Gladsaxe rejects) but leaves it
   * off.
   */
  @BeforeEach
  void startSimulator() {
    simulator.start();
  }

  @AfterEach
  void stopSimulator() {
    simulator.stop();
  }

  private final MedcomCodec codec = new MedcomCodec();

  @Test
  void answersEachMessageOnBehalfOfTheAddressee() {
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      Deliveries deliveries = new Deliveries(operations, kafka);
      String accepting = TestEvents.newPatientKey();
      String rejecting = TestEvents.newPatientKey();
      TestEvents.publish(kafka, discharge(accepting, HERLEV.municipalityCode()));
      TestEvents.publish(kafka, discharge(rejecting, GLADSAXE.municipalityCode()));
      DeliveryView toHerlev = deliveries.awaitOne(accepting);
      DeliveryView toGladsaxe = deliveries.awaitOne(rejecting);

      MedcomMessage ok = ackOf(kafka, HERLEV.gln(), toHerlev.messageHeaderId());
      assertThat(ok.acknowledgementResponse().orElseThrow().code()).isEqualTo("ok");
      assertThat(ok.sender().orElseThrow().gln()).isEqualTo(HERLEV.gln());
      assertThat(ok.primaryReceiver().orElseThrow().receiver().gln()).isEqualTo(HOSPITAL.gln());
      assertThat(ok.primaryReceiver().orElseThrow().endpoint())
          .isEqualTo("https://sor2.sum.dsdn.dk/#id=" + HOSPITAL.sor());

      MedcomMessage rejected = ackOf(kafka, GLADSAXE.gln(), toGladsaxe.messageHeaderId());
      assertThat(rejected.acknowledgementResponse().orElseThrow().code()).isEqualTo("fatal-error");
    }
  }

  @Test
  void leavesOtherRecipientsAlone() throws InterruptedException {
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      String patient = TestEvents.newPatientKey();
      TestEvents.publish(
          kafka,
          TestEvents.course(
              CourseEventType.REFERRAL_REJECTED,
              patient,
              UUID.randomUUID().toString(),
              HOSPITAL.sor(),
              GP.sor(),
              Map.of("reason", "Ikke relevant")));
      String toGp = new Deliveries(operations, kafka).awaitOne(patient).messageHeaderId();
      Thread.sleep(4000);
      assertThat(kafka.readAll(Topics.inboundFrom(GP.gln()), Deliveries.WAIT))
          .noneMatch(record -> record.value().contains(toGp));
    }
  }

  /**
   * Each retransmission is answered again (here no front door turns the answers into
   * acknowledgements, so the service resends twice, then gives up); what the simulator has answered
   * stays answered across its restart, because it commits its position only for messages whose
   * answer the broker has.
   */
  @Test
  void answersEachRetransmissionAndNothingTwiceAcrossARestart() throws InterruptedException {
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      Deliveries deliveries = new Deliveries(operations, kafka);
      String patient = TestEvents.newPatientKey();
      TestEvents.publish(kafka, discharge(patient, HERLEV.municipalityCode()));
      String letter = deliveries.awaitOne(patient).messageHeaderId();
      deliveries.awaitState(letter, DeliveryState.DEAD_LETTER);
      assertThat(deliveries.transmissions(HERLEV.gln(), letter, 3)).hasSize(3);
      assertThat(answersTo(kafka, letter, 3)).hasSize(3);

      simulator.stop();
      simulator.start();
      Thread.sleep(4000);
      assertThat(kafka.readAll(Topics.inboundFrom(HERLEV.gln()), Deliveries.WAIT))
          .filteredOn(record -> record.value().contains(letter))
          .hasSize(3);
    }
  }

  private List<ConsumerRecord<String, String>> answersTo(
      KafkaTestClient kafka, String messageHeaderId, int count) {
    return kafka.poll(
        Topics.inboundFrom(HERLEV.gln()),
        r -> r.value().contains(messageHeaderId),
        count,
        Deliveries.WAIT);
  }

  /** The addressee's answer, on its own inbound topic as its system would write it. */
  private MedcomMessage ackOf(KafkaTestClient kafka, String addresseeGln, String messageHeaderId) {
    ConsumerRecord<String, String> record =
        kafka.awaitRecord(
            Topics.inboundFrom(addresseeGln),
            r -> r.value().contains(messageHeaderId),
            Deliveries.WAIT);
    MedcomMessage ack =
        codec.parseMessage(
            record.value(), KafkaTestClient.header(record, "content-type").orElse(null));
    assertThat(ack.messageType()).isEqualTo(MessageType.ACKNOWLEDGEMENT);
    assertThat(ack.acknowledgementResponse().orElseThrow().identifier()).isEqualTo(messageHeaderId);
    return ack;
  }

  private static dk.stafet.contracts.events.CourseEvent discharge(
      String patient, String municipalityCode) {
    return TestEvents.course(
        CourseEventType.DISCHARGED,
        patient,
        UUID.randomUUID().toString(),
        HOSPITAL.sor(),
        null,
        Map.of("hnCode", "SLHJ", "encounterClass", "IMP", "municipalityCode", municipalityCode));
  }
}
