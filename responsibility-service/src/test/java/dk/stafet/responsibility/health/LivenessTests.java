package dk.stafet.responsibility.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.testsupport.DatabaseOutage;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Liveness tells the truth (docs/reliability.md, "Dying cleanly"): with the service's database
 * really away, readiness is DOWN at once, liveness stays UP for the grace ({@code
 * stafet.health.unready-grace}, a few seconds in tests) and then turns DOWN, so Kubernetes would
 * restart the pod; with the database back both are UP again. SmallRye Reactive Messaging's own
 * liveness check (a consumer that died) is part of the same answer.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class LivenessTests {

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @ConfigProperty(name = "stafet.health.unready-grace")
  Duration grace;

  @Test
  void aDatabaseAwayLongerThanTheGraceTurnsLivenessDownAndItsReturnUpAgain() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status("/q/health/ready") == 200 && status("/q/health/live") == 200);
    List<String> checks =
        given().when().get("/q/health/live").then().extract().jsonPath().getList("checks.name");
    assertThat(checks)
        .contains("unready-too-long")
        .anyMatch(name -> name.contains("Reactive Messaging"));

    long t0 = System.nanoTime();
    try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> status("/q/health/ready") == 503);
      await().atMost(grace.plusSeconds(30)).until(() -> status("/q/health/live") == 503);
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .as("liveness DOWN only after the grace")
          .isGreaterThanOrEqualTo(grace);
      given()
          .when()
          .get("/q/health/live")
          .then()
          .statusCode(503)
          .body("checks.find { it.name == 'unready-too-long' }.status", equalTo("DOWN"));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status("/q/health/ready") == 200 && status("/q/health/live") == 200);
  }

  private static int status(String path) {
    return given().when().get(path).then().extract().statusCode();
  }
}
