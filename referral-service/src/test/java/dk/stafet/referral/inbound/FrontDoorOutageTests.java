package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.service.messaging.UntilStored;
import dk.stafet.testsupport.DatabaseOutage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The front door while its database is away (closed to connections, sessions terminated): over HTTP
 * the sender is told to send again later (503, Retry-After, an OperationOutcome saying nothing was
 * kept); over Kafka the record waits and is processed, not skipped, once the database is back.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class FrontDoorOutageTests {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final String FHIR_JSON = "application/fhir+json; charset=UTF-8";

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void nothingIsLostWhileTheDatabaseIsAway() throws Exception {
    String overHttp =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    String overKafka =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage kafkaLetter = new MedcomMessage(CODEC.parse(overKafka, FHIR_JSON));
    long waitsBefore = UntilStored.waits();

    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
        given()
            .auth()
            .oauth2(MedcomSenders.tokenOf(overHttp))
            .contentType(FHIR_JSON)
            .body(overHttp)
            .when()
            .post("/fhir/$process-message")
            .then()
            .statusCode(503)
            .header("Retry-After", "30")
            .body(containsString("OperationOutcome"))
            .body(containsString("Send the message again later"));

        kafka.send(
            MedcomSenders.inboundTopicOf(overKafka),
            UUID.randomUUID().toString(),
            overKafka,
            Map.of("content-type", FHIR_JSON));
        await().atMost(Duration.ofSeconds(30)).until(() -> UntilStored.waits() > waitsBefore);
      }

      // Back: the sender's retransmission is received, and the waiting Kafka record is answered,
      // not skipped.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                String answer =
                    given()
                        .auth()
                        .oauth2(MedcomSenders.tokenOf(overHttp))
                        .contentType(FHIR_JSON)
                        .body(overHttp)
                        .when()
                        .post("/fhir/$process-message")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertThat(
                        new MedcomMessage(CODEC.parse(answer, (String) null))
                            .acknowledgementResponse()
                            .orElseThrow()
                            .code())
                    .isEqualTo("ok");
              });
      var ack = MedcomSenders.awaitAcknowledgement(kafka, kafkaLetter, Duration.ofSeconds(60));
      assertThat(
              new MedcomMessage(CODEC.parse(ack.value(), (String) null))
                  .acknowledgementResponse()
                  .orElseThrow()
                  .code())
          .isEqualTo("ok");
    }
  }
}
