package dk.stafet.notification;

import static dk.stafet.notification.support.Organisations.ACUTE_FUNCTION;
import static dk.stafet.notification.support.Organisations.GLADSAXE;
import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.medcom.CareCommunicationBuilder;
import dk.stafet.contracts.medcom.MedcomMessage;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CareCommunications over real Kafka and PostgreSQL: to the GP and to referrers, acknowledged. */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CareCommunicationDeliveryTest {

  @Inject DeliveryOperations operations;

  private KafkaTestClient kafka;
  private Deliveries deliveries;

  @BeforeEach
  void connect() {
    kafka = KafkaTestClient.create();
    deliveries = new Deliveries(operations, kafka);
  }

  @AfterEach
  void close() {
    kafka.close();
  }

  @Test
  void responsibilityChangeIsToldToTheGpAndAcknowledged() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.responsibility(
            ResponsibilityEventType.RESPONSIBILITY_CHANGED, patient, GP.sor(), HOSPITAL.sor()));

    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.messageType()).isEqualTo("CARE_COMMUNICATION");
    assertThat(sent.recipientGln()).isEqualTo(GP.gln());
    assertThat(sent.senderGln()).isEqualTo(HOSPITAL.gln());
    MedcomMessage message = deliveries.transmissions(GP.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(message.messageHeader().orElseThrow().getDefinition())
        .isEqualTo(CareCommunicationBuilder.MESSAGE_DEFINITION);
    assertThat(message.communication().orElseThrow().category()).isEqualTo("carecoordination");
    assertThat(message.communication().orElseThrow().payloadTexts())
        .singleElement()
        .satisfies(text -> assertThat(text).contains("Behandlingsansvaret"));

    TestEvents.publish(
        kafka,
        TestEvents.ack(
            UUID.randomUUID().toString(), sent.messageHeaderId(), "ok", GP.gln(), patient));
    deliveries.awaitState(sent.messageHeaderId(), DeliveryState.ACKNOWLEDGED);
  }

  @Test
  void aCarePlanChangeIsToldToTheOtherOrganisationsInThePlanOnceEach() {
    String patient = TestEvents.newPatientKey();
    ResponsibilityEvent base =
        TestEvents.responsibility(
            ResponsibilityEventType.CARE_PLAN_CLOSING_TALK_RECORDED, patient, HOSPITAL.sor(), null);
    ResponsibilityEvent closingTalk =
        new ResponsibilityEvent(
            base.eventId(),
            base.type(),
            base.occurredAt(),
            patient,
            base.cpr(),
            "plan-" + patient,
            HOSPITAL.sor(),
            GP.sor(),
            "C10",
            null,
            null,
            null,
            Map.of("participants", HOSPITAL.sor() + "," + GP.sor() + "," + GLADSAXE.sor()));
    TestEvents.publish(kafka, closingTalk);
    TestEvents.publish(kafka, closingTalk); // redelivered: the same event id, no second message

    org.awaitility.Awaitility.await()
        .atMost(Deliveries.WAIT)
        .until(() -> deliveries.of(patient).size() >= 2);
    // A later event on the same key: once it is handled, the duplicate before it has been too.
    TestEvents.publish(
        kafka,
        TestEvents.responsibility(
            ResponsibilityEventType.RESPONSIBILITY_CHANGED, patient, GP.sor(), HOSPITAL.sor()));
    org.awaitility.Awaitility.await()
        .atMost(Deliveries.WAIT)
        .until(() -> deliveries.of(patient).size() >= 3);
    List<DeliveryView> sent =
        deliveries.of(patient).stream().filter(d -> "C10".equals(d.duty())).toList();
    assertThat(sent)
        .extracting(DeliveryView::recipientGln)
        .containsExactlyInAnyOrder(GP.gln(), GLADSAXE.gln());
    assertThat(sent).allSatisfy(d -> assertThat(d.senderGln()).isEqualTo(HOSPITAL.gln()));
    MedcomMessage message =
        deliveries
            .transmissions(
                GP.gln(),
                sent.stream()
                    .filter(d -> d.recipientGln().equals(GP.gln()))
                    .findFirst()
                    .orElseThrow()
                    .messageHeaderId(),
                1)
            .get(0);
    assertThat(message.communication().orElseThrow().payloadTexts())
        .singleElement()
        .satisfies(text -> assertThat(text).contains("afsluttende samtale"));
  }

  @Test
  void endOfAnAcuteCourseIsToldToTheListedGp() {
    String patient = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.LISTED_GP_REGISTERED, patient, null, GP.sor(), null, Map.of()));
    TestEvents.publish(
        kafka,
        TestEvents.course(
            CourseEventType.ACUTE_COURSE_ENDED,
            patient,
            UUID.randomUUID().toString(),
            ACUTE_FUNCTION.sor(),
            HOSPITAL.sor(),
            Map.of("courseKind", "ACUTE_FUNCTION", "exit", "GP_FOLLOW_UP")));

    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.duty()).isEqualTo("C3");
    assertThat(sent.eventCode()).isEqualTo("acute-ambulant");
    assertThat(sent.recipientGln()).isEqualTo(GP.gln());
    assertThat(sent.senderGln()).isEqualTo(ACUTE_FUNCTION.gln());
  }

  @Test
  void rejectedReferralAnswersTheReferrer() {
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

    DeliveryView sent = deliveries.awaitOne(patient);
    assertThat(sent.duty()).isEqualTo("C6");
    assertThat(sent.eventCode()).isEqualTo("regarding-referral");
    MedcomMessage message = deliveries.transmissions(GP.gln(), sent.messageHeaderId(), 1).get(0);
    assertThat(message.communication().orElseThrow().payloadTexts().get(0))
        .contains("Ikke relevant");
  }
}
