package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.getAs;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static dk.stafet.referral.course.rest.TestData.referral;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A caller is who its token proves: SmallRye JWT checks signature, issuer, audience and expiry
 * (service-support's configuration, the same in every service), and anything short of a valid token
 * gets the shared 401 problem.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class TokenVerificationTests {

  @Test
  void onlyAValidTokenIdentifiesTheCaller() {
    String id =
        post(DEPARTMENT, "/api/referrals", referral(newCpr())).statusCode(201).extract().path("id");
    String path = "/api/referrals/" + id;

    getAs(TestTokens.forOrganisation(DEPARTMENT), path).statusCode(200).body("id", equalTo(id));

    refused(getAs(null, path));
    refused(getAs(TestTokens.expired(DEPARTMENT), path));
    refused(getAs(TestTokens.wronglySigned(DEPARTMENT), path));
    refused(getAs(TestTokens.forAudience(DEPARTMENT, "another-system"), path));
    refused(getAs(TestTokens.fromIssuer(DEPARTMENT, "https://issuer.example.org"), path));
    refused(getAs("not-a-token", path));
    // The old header is believed no more.
    refused(given().header("X-Stafet-Organisation", DEPARTMENT).when().get(path).then());
  }

  @Test
  void theFrontDoorTakesNoMessageWithoutAValidToken() {
    long quarantined =
        given()
            .auth()
            .oauth2(TestTokens.coordinator())
            .when()
            .get("/api/quarantine?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("total");
    String bundle = "{\"resourceType\": \"Bundle\", \"entry\": [";
    refused(
        given()
            .contentType("application/fhir+json")
            .body(bundle)
            .when()
            .post("/fhir/$process-message")
            .then());
    refused(
        given()
            .auth()
            .oauth2(TestTokens.expired(DEPARTMENT))
            .contentType("application/fhir+json")
            .body(bundle)
            .when()
            .post("/fhir/$process-message")
            .then());
    // Nothing of an anonymous sender's input is kept.
    given()
        .auth()
        .oauth2(TestTokens.coordinator())
        .when()
        .get("/api/quarantine?limit=1")
        .then()
        .body("total", equalTo((int) quarantined));
  }

  private static void refused(io.restassured.response.ValidatableResponse response) {
    response
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("NOT_AUTHENTICATED"));
  }
}
