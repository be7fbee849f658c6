package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomMutants;
import dk.stafet.referral.quarantine.QuarantinedInput;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Memory is bounded before the validator (issue 11 item 2, issue 12 item 4): a message of legal
 * size but absurd shape is refused by the streaming scan before HAPI builds its model of it, alone
 * or in a burst, and the service stays ready.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class MessageLimitsTests {

  private static final String FHIR_JSON = "application/fhir+json; charset=UTF-8";
  private static final String COORDINATOR = "999999000901001";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/")
  URI root;

  @Test
  void theHospitalNotificationPaddedWith8000EntriesIsRefusedNamingTheLimitAndQuarantined() {
    byte[] padded = padded();
    assertThat(padded.length)
        .isBetween(1_000_000, 2_000_000); // within the size limit: only its shape is wrong

    long start = System.nanoTime();
    HttpResponse<String> response = post(padded);
    System.out.printf(
        "padded HospitalNotification (%d bytes) answered %d in %d ms%n",
        padded.length, response.statusCode(), (System.nanoTime() - start) / 1_000_000);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .contains("OperationOutcome")
        .contains("too-costly")
        .contains("more than 200 Bundle entries (limit max-entries)");
    QuarantinedInput kept = quarantined(response);
    assertThat(kept.reasonCode).isEqualTo("OVER_LIMIT");
    assertThat(kept.truncated).isFalse();
    assertThat(kept.sizeBytes).isEqualTo(padded.length);
  }

  @Test
  void aBurstOfLargeInputsIsRefusedAndTheServiceStaysReady() throws Exception {
    byte[] padded = padded();
    byte[] oversized =
        ("{\"resourceType\":\"Bundle\",\"id\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (int i = 0; i < 24; i++) {
        byte[] body = i % 4 == 3 ? oversized : padded;
        answers.add(senders.submit(() -> post(body).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(413);
      }
    } finally {
      senders.shutdownNow();
    }
    System.out.printf(
        "burst of 24 large inputs (8 at a time) refused in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);

    given().when().get("/q/health/ready").then().statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(MedcomSenders.EXAMPLES_SENDER))
        .body(
            MedcomExamples.withNewIds(
                MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A"))))
        .contentType(FHIR_JSON)
        .when()
        .post("/fhir/$process-message")
        .then()
        .statusCode(200);
  }

  @Test
  void anInputOverTheSizeLimitIsQuarantinedAsABoundedPrefixWithSizeAndHashAndCannotBeReplayed() {
    byte[] oversized =
        ("{\"resourceType\":\"Bundle\",\"id\":\"" + "y".repeat(5 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post(oversized);

    assertThat(response.statusCode()).isEqualTo(413);
    QuarantinedInput kept = quarantined(response);
    assertThat(kept.truncated).isTrue();
    assertThat(kept.sizeBytes).isEqualTo(oversized.length);
    assertThat(kept.rawInput).hasSize(65536);
    assertThat(kept.rawSha256).hasSize(64);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .when()
        .post("/api/quarantine/" + kept.id + "/replay")
        .then()
        .statusCode(409);
  }

  private static byte[] padded() {
    String stin =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    return MedcomMutants.paddedWithEntries(stin, 8_000).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Large bodies go with the JDK's HTTP client: RestAssured's request logging formats a byte[] body
   * as a list of numbers, which takes minutes for megabytes and would measure the test client
   * instead of the service.
   */
  private HttpResponse<String> post(byte[] body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(root + "fhir/$process-message"))
              .header("Content-Type", FHIR_JSON)
              .header(
                  "Authorization",
                  "Bearer " + TestTokens.forOrganisation(MedcomSenders.EXAMPLES_SENDER))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static QuarantinedInput quarantined(HttpResponse<String> response) {
    UUID id =
        UUID.fromString(response.headers().firstValue("X-Stafet-Quarantine-Id").orElseThrow());
    return QuarkusTransaction.requiringNew()
        .call(() -> QuarantinedInput.<QuarantinedInput>findById(id));
  }
}
