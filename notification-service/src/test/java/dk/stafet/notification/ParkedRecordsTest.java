package dk.stafet.notification;

import static dk.stafet.notification.support.Organisations.COORDINATOR;
import static dk.stafet.notification.support.Organisations.HERLEV;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.contracts.events.Topics;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notification-service's consumers park what they cannot apply where coordinators see it
 * (service-support's parked records, docs/reliability.md): an unreadable responsibility event goes
 * to stafet.notification-service.dlq, is read back into parked_record and listed for coordinators
 * only; replayed while still unreadable it is parked again (attempt 2, pointing at the first row);
 * dismissed with a reason it leaves the PARKED list.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ParkedRecordsTest {

  @Test
  void anUnreadableEventIsParkedShownReplayedVisiblyAndDismissed() {
    String id = UUID.randomUUID().toString();
    String key = "p-parked-" + id;
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      kafka.send(
          Topics.RESPONSIBILITY_EVENTS,
          key,
          "{ this is not an event",
          Map.of(
              "ce_id",
              id,
              "ce_type",
              "dk.stafet.responsibility.responsibility-changed",
              "ce_specversion",
              "1.0"));
    }

    Map<String, Object> first =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> parked(key), rows -> rows.size() == 1)
            .get(0);
    assertThat(first)
        .containsEntry("sourceTopic", Topics.RESPONSIBILITY_EVENTS)
        .containsEntry("deadLetterTopic", "stafet.notification-service.dlq")
        .containsEntry("messageId", id)
        .containsEntry("eventType", "dk.stafet.responsibility.responsibility-changed")
        .containsEntry("attempts", 1);
    long firstId = ((Number) first.get("id")).longValue();
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(HERLEV.sor()))
        .get("/api/parked")
        .then()
        .statusCode(403);

    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .post("/api/parked/" + firstId + "/replay")
        .then()
        .statusCode(200)
        .body("state", equalTo("REPLAYED"));
    Map<String, Object> again =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> parked(key),
                rows -> rows.size() == 1 && ((Number) rows.get(0).get("id")).longValue() != firstId)
            .get(0);
    assertThat(again).containsEntry("attempts", 2).containsEntry("messageId", id);
    assertThat(((Number) again.get("replayOf")).longValue()).isEqualTo(firstId);

    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "test garbage"))
        .post("/api/parked/" + again.get("id") + "/dismiss")
        .then()
        .statusCode(200)
        .body("state", equalTo("DISMISSED"));
    assertThat(parked(key)).isEmpty();
  }

  private static List<Map<String, Object>> parked(String key) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .get("/api/parked?state=PARKED")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { it.patientKey == '" + key + "' }");
  }
}
