package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.referral.course.rest.TestData;
import dk.stafet.service.messaging.UntilStored;
import dk.stafet.testsupport.DatabaseOutage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
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

  /**
   * The REST facts and the FHIR reads while the database is away: a retryable 503 with Retry-After
   * (service-support's StorageProblems), never a bare 500 — problem details at the JSON API, an
   * OperationOutcome at the FHIR base — and the same request succeeds once the database is back.
   */
  @Test
  void restFactsAndFhirReadsWhileTheDatabaseIsAwayAreRetryable503s() throws Exception {
    String cpr = TestData.newCpr();
    Map<String, String> listedGp = Map.of("cpr", cpr, "gpSor", TestData.GP);
    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
      registerListedGp(listedGp)
          .statusCode(503)
          .header("Retry-After", "5")
          .contentType("application/problem+json")
          .body("code", equalTo("STORAGE_UNAVAILABLE"))
          .body(not(containsString(cpr)));
      given()
          .auth()
          .oauth2(TestTokens.forOrganisation(TestData.GP))
          .when()
          .get("/fhir/ServiceRequest?patient=" + "0".repeat(32))
          .then()
          .statusCode(503)
          .header("Retry-After", "5")
          .body(containsString("OperationOutcome"))
          .body(containsString("transient"));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        // The status only: a failed REST-assured validation would print the request, CPR number
        // included, into the build log at every retry while the database is still away.
        .until(() -> registerListedGp(listedGp).extract().statusCode() == 200);
  }

  private static ValidatableResponse registerListedGp(Map<String, String> body) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(TestTokens.NATIONAL_REGISTER_SOR))
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/patients/listed-gp")
        .then();
  }
}
