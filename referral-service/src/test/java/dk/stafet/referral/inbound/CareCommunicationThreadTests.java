package dk.stafet.referral.inbound;

import static dk.stafet.referral.course.rest.TestData.newCpr;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.CareCommunicationBuilder;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.fhir.BaseR4;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CareCommunication threads through the Kafka door, the real broker and PostgreSQL (medcom-spec.md
 * §3, docs/front-door.md "CareCommunication threads"): a hospital department writes to a GP, the GP
 * replies, the reply is retransmitted, and the department forwards the reply to the municipality.
 * Each is acknowledged on its sender's topic, stored with its thread, routed once to the
 * organisation its MessageHeader names, and readable per patient with the message it answers.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class CareCommunicationThreadTests {

  static final OrganisationView HOSPITAL =
      new OrganisationView(
          null, "999000000003016", "5799990000033", "Hjertesygdomme, Aarhus Universitetshospital");
  static final OrganisationView GP =
      new OrganisationView(null, "999000000018016", "5799990000187", "Lægehuset Åbyhøj");
  static final OrganisationView MUNICIPALITY =
      new OrganisationView(null, "999000000029016", "5799990000293", "Aarhus Kommune");
  static final OrganisationView OTHER_GP =
      new OrganisationView(null, "999000000019016", "5799990000194", "Lægerne i Trøjborg");

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CareCommunicationBuilder BUILDER =
      new CareCommunicationBuilder("https://stafet.test/fhir/", Clock.systemUTC());
  private static final CareCommunicationBuilder.Author AUTHOR =
      new CareCommunicationBuilder.Author("Ida", "Jensen", "laegesekretaer", "70000000");
  private static KafkaTestClient kafka;

  @Inject PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = new KafkaTestClient(KafkaKraftResource.bootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void aMessageItsReplyAndAForwardAreAcknowledgedStoredAndRoutedAsOneThread() throws Exception {
    String cpr = newCpr();
    String patientKey = pseudonym.of(cpr);
    MedcomMessage first = new MedcomMessage(BUILDER.build(message(HOSPITAL, GP, cpr, "Spørgsmål")));
    MedcomMessage reply =
        new MedcomMessage(BUILDER.reply(message(GP, HOSPITAL, cpr, "Svar"), first));
    MedcomMessage forward =
        new MedcomMessage(
            BUILDER.forward(message(HOSPITAL, MUNICIPALITY, cpr, "Til orientering"), reply));

    assertThat(sendAndAwaitAck(first)).isEqualTo("ok");
    assertThat(sendAndAwaitAck(reply)).isEqualTo("ok");
    send(retransmissionOf(reply));
    assertThat(acksOf(reply, 2))
        .as("a retransmission is answered again, with the first answer's code")
        .containsExactly("ok", "ok");
    assertThat(sendAndAwaitAck(forward)).isEqualTo("ok");

    // Stored once each, with the thread: the reply keeps it, the forward opens a new one.
    String threadId = first.careCommunicationThread().orElseThrow().threadId();
    Map<String, ReceivedMessage> stored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ReceivedMessage.forPatient(patientKey).stream()
                        .collect(
                            java.util.stream.Collectors.toMap(m -> m.messageHeaderId, m -> m)));
    assertThat(stored).hasSize(3);
    ReceivedMessage storedFirst = stored.get(first.messageHeaderId());
    ReceivedMessage storedReply = stored.get(reply.messageHeaderId());
    ReceivedMessage storedForward = stored.get(forward.messageHeaderId());
    assertThat(storedFirst.threadId).isEqualTo(threadId);
    assertThat(storedFirst.threadActivity).isEqualTo("new-message");
    assertThat(storedFirst.inResponseTo).isNull();
    assertThat(storedReply.threadId).isEqualTo(threadId);
    assertThat(storedReply.threadActivity).isEqualTo("reply-message");
    assertThat(storedReply.inResponseTo).isEqualTo(first.messageHeaderId());
    assertThat(storedReply.timesReceived).isEqualTo(2);
    assertThat(storedForward.threadId).isNotEqualTo(threadId);
    assertThat(storedForward.threadActivity).isEqualTo("forward-message");
    assertThat(storedForward.inResponseTo).isEqualTo(reply.messageHeaderId());
    assertThat(stored.values()).allSatisfy(m -> assertThat(m.threadNote).isNull());

    // Routed once each to the organisation the message names: the reply to the sender of the
    // message it answers, the forward to its new recipient; the retransmission not again.
    Map<String, List<JsonNode>> deliveries = deliveriesOf(patientKey, 3);
    assertThat(deliveries.get(first.messageHeaderId()))
        .singleElement()
        .satisfies(e -> assertThat(e.get("receiverGln").asText()).isEqualTo(GP.gln()));
    assertThat(deliveries.get(reply.messageHeaderId()))
        .singleElement()
        .satisfies(e -> assertThat(e.get("receiverGln").asText()).isEqualTo(HOSPITAL.gln()));
    assertThat(deliveries.get(forward.messageHeaderId()))
        .singleElement()
        .satisfies(e -> assertThat(e.get("receiverGln").asText()).isEqualTo(MUNICIPALITY.gln()));
    // What the hub's log needs rides along, so it forwards the letter without reading it.
    assertThat(deliveries.values())
        .allSatisfy(
            events ->
                assertThat(events.get(0).get("eventCode").asText())
                    .isEqualTo(first.communication().orElseThrow().category()));

    // Readable per patient: the thread id and the message each answers.
    JsonPath search =
        given()
            .auth()
            .oauth2(TestTokens.forOrganisation(HOSPITAL.sor()))
            .queryParam("patient", patientKey)
            .get("/fhir/Communication")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String replyId = storedReply.id.toString();
    assertThat(search.getList("entry.resource.id")).hasSize(3).contains(replyId);
    String readJson =
        given()
            .auth()
            .oauth2(TestTokens.forOrganisation(HOSPITAL.sor()))
            .get("/fhir/Communication/{id}", replyId)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(BaseR4.errors(readJson)).as("a valid R4 Communication").isEmpty();
    JsonPath read = new JsonPath(readJson);
    assertThat(read.getList("identifier.value")).contains(reply.messageHeaderId(), threadId);
    assertThat(read.getString("inResponseTo[0].reference"))
        .isEqualTo("Communication/" + storedFirst.id);
    assertThat(read.getString("inResponseTo[0].identifier.value"))
        .isEqualTo(first.messageHeaderId());
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(OTHER_GP.sor()))
        .get("/fhir/Communication/{id}", replyId)
        .then()
        .statusCode(404);
    // The municipality got only the forward: it sees that, not the thread it came from.
    JsonPath municipal =
        given()
            .auth()
            .oauth2(TestTokens.forOrganisation(MUNICIPALITY.sor()))
            .get("/fhir/Communication/{id}", storedForward.id.toString())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(municipal.getString("inResponseTo[0].reference")).isNull();
    assertThat(municipal.getString("inResponseTo[0].identifier.value"))
        .isEqualTo(reply.messageHeaderId());
  }

  @Test
  void aReplyFromAnOrganisationThatNeverGotTheMessageIsRefusedNamingIt() {
    String cpr = newCpr();
    MedcomMessage first = new MedcomMessage(BUILDER.build(message(HOSPITAL, GP, cpr, "Spørgsmål")));
    assertThat(sendAndAwaitAck(first)).isEqualTo("ok");
    MedcomMessage stranger =
        new MedcomMessage(BUILDER.reply(message(OTHER_GP, HOSPITAL, cpr, "Svar"), first));

    MedcomMessage ack = awaitAck(stranger, send(stranger));

    assertThat(ack.acknowledgementResponse().orElseThrow().code()).isEqualTo("fatal-error");
    assertThat(ack.acknowledgementResponse().orElseThrow().issues())
        .anySatisfy(
            issue ->
                assertThat(issue.diagnostics())
                    .contains("Only the receiver of a message can reply to it")
                    .contains("MessageHeader/" + first.messageHeaderId()));
  }

  @Test
  void aReplyToAMessageTheFrontDoorNeverSawIsAcceptedAndFlagged() {
    String cpr = newCpr();
    // Sent to the GP some other way (before Stafet, or by Stafet itself): not received here.
    MedcomMessage unseen =
        new MedcomMessage(BUILDER.build(message(HOSPITAL, GP, cpr, "Spørgsmål")));
    MedcomMessage reply =
        new MedcomMessage(BUILDER.reply(message(GP, HOSPITAL, cpr, "Svar"), unseen));

    assertThat(sendAndAwaitAck(reply)).isEqualTo("ok");

    ReceivedMessage stored =
        QuarkusTransaction.requiringNew()
            .call(() -> ReceivedMessage.findByHeaderId(reply.messageHeaderId()).orElseThrow());
    assertThat(stored.threadNote).isEqualTo("EARLIER_MESSAGE_UNKNOWN");
    assertThat(stored.inResponseTo).isEqualTo(unseen.messageHeaderId());
    assertThat(stored.threadId)
        .isEqualTo(unseen.careCommunicationThread().orElseThrow().threadId());
  }

  private static CareCommunicationBuilder.CareCommunication message(
      OrganisationView from, OrganisationView to, String cpr, String text) {
    return new CareCommunicationBuilder.CareCommunication(
        null,
        null,
        from,
        to,
        cpr,
        "Berggren",
        List.of("Emma"),
        "carecoordination",
        null,
        text,
        null,
        AUTHOR);
  }

  /** The same letter in a new envelope (a new Bundle.id), as a sender retransmits it. */
  private static MedcomMessage retransmissionOf(MedcomMessage message) {
    Bundle copy = message.bundle().copy();
    copy.setId(UUID.randomUUID().toString());
    return new MedcomMessage(copy);
  }

  /** The acknowledgement's code, with the issues it names when it is not ok. */
  private String sendAndAwaitAck(MedcomMessage message) {
    var response = awaitAck(message, send(message)).acknowledgementResponse().orElseThrow();
    return "ok".equals(response.code()) ? "ok" : response.code() + " " + response.issues();
  }

  private static String send(MedcomMessage message) {
    String body = CODEC.write(message.bundle(), MedcomFormat.JSON);
    kafka.send(
        Topics.inboundFrom(message.sender().orElseThrow().gln()),
        UUID.randomUUID().toString(),
        body,
        Map.of("content-type", "application/fhir+json"));
    return message.bundleId();
  }

  /** The acknowledgement of this transmission (by its Bundle.id echoed nowhere: by the letter). */
  private static MedcomMessage awaitAck(MedcomMessage sent, String bundleId) {
    String topic = Topics.outboundFor(sent.sender().orElseThrow().gln());
    ConsumerRecord<String, String> record =
        kafka.awaitRecord(
            topic,
            r ->
                sent.messageHeaderId()
                    .equals(
                        new MedcomMessage(CODEC.parse(r.value(), (String) null))
                            .acknowledgementResponse()
                            .map(response -> response.identifier())
                            .orElse(null)),
            Duration.ofSeconds(30));
    return new MedcomMessage(CODEC.parse(record.value(), (String) null));
  }

  /** The codes of the acknowledgements of this letter, once there are {@code expected}. */
  private static List<String> acksOf(MedcomMessage sent, int expected) {
    String topic = Topics.outboundFor(sent.sender().orElseThrow().gln());
    List<String> codes = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (codes.size() < expected && System.nanoTime() < deadline) {
      codes =
          kafka.readAll(topic, Duration.ofSeconds(2)).stream()
              .map(r -> new MedcomMessage(CODEC.parse(r.value(), (String) null)))
              .map(ack -> ack.acknowledgementResponse().orElseThrow())
              .filter(response -> sent.messageHeaderId().equals(response.identifier()))
              .map(response -> response.code())
              .toList();
    }
    return codes;
  }

  /**
   * The FOR_DELIVERY events about the patient, by letter id, once {@code expected} letters have
   * one.
   */
  private static Map<String, List<JsonNode>> deliveriesOf(String patientKey, int expected)
      throws Exception {
    Map<String, List<JsonNode>> byLetter = Map.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonNode> events = new java.util.ArrayList<>();
      for (ConsumerRecord<String, String> record :
          kafka.readAll(Topics.MEDCOM_MESSAGE_EVENTS, Duration.ofSeconds(2))) {
        if (patientKey.equals(record.key())) {
          JsonNode event = JSON.readTree(record.value());
          if ("FOR_DELIVERY".equals(event.path("kind").asText())) {
            events.add(event);
          }
        }
      }
      byLetter =
          events.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(e -> e.get("messageHeaderId").asText()));
      if (byLetter.size() >= expected) {
        return byLetter;
      }
    }
    return byLetter;
  }
}
