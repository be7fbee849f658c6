package dk.stafet.referral.validation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.referral.course.rest.TestData;
import dk.stafet.service.medcom.ValidationAlarms;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A disagreement of the compiled validation fast path (HAPI rejects a sampled message the fast path
 * accepted) becomes a counter, and an alarm coordinators see until one acknowledges it (issue 11).
 * No known message makes the fast path disagree (FastPathDifferentialTest: 0 false accepts), so the
 * test tells the alarm what the sampler would.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ValidationAlarmTests {

  @Inject ValidationAlarms alarms;
  @Inject MeterRegistry meters;

  @Test
  void aDisagreementIsCountedAndShownToCoordinatorsUntilAcknowledged() {
    String path = "Bundle.entry[3].resource.period.start";
    double before = disagreements();

    alarms.disagreement(MessageType.HOSPITAL_NOTIFICATION, List.of(path));

    assertThat(disagreements()).isEqualTo(before + 1);
    String coordinator = TestTokens.forOrganisation(TestTokens.COORDINATOR_SOR);
    int id =
        given()
            .auth()
            .oauth2(coordinator)
            .get("/api/validation-alarms")
            .then()
            .statusCode(200)
            .body("[0].messageType", equalTo("HOSPITAL_NOTIFICATION"))
            .body("[0].errorPaths", equalTo(List.of(path)))
            .extract()
            .path("[0].id");
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(TestData.GP))
        .get("/api/validation-alarms")
        .then()
        .statusCode(403)
        .body("code", equalTo("COORDINATORS_ONLY"));
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(TestData.GP))
        .post("/api/validation-alarms/" + id + "/acknowledge")
        .then()
        .statusCode(403);

    given()
        .auth()
        .oauth2(coordinator)
        .post("/api/validation-alarms/" + id + "/acknowledge")
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(coordinator)
        .get("/api/validation-alarms")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(id)));
    given()
        .auth()
        .oauth2(coordinator)
        .post("/api/validation-alarms/" + id + "/acknowledge")
        .then()
        .statusCode(404);
  }

  private double disagreements() {
    var counter =
        meters
            .find("stafet.medcom.fast.path.disagreements")
            .tag("message_type", "HOSPITAL_NOTIFICATION")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
