package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.login.Login;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class SecurityAndI18nTests {

  @BeforeEach
  void reset() {
    Login.useSessionOf("coordinator");
    StubState.reset();
  }

  @Test
  void everyPageHasAContentSecurityPolicyOfSelfOnly() {
    io.restassured.RestAssured.requestSpecification = null; // each page with its own user below
    for (String path :
        new String[] {
          "/", "/kpis", "/my-course", "/patients/" + StubState.PATIENT, "/fragments/handovers"
        }) {
      given()
          .cookies(
              path.equals("/my-course") ? Login.asCitizen("010203-1234") : Login.as("coordinator"))
          .when()
          .get(path)
          .then()
          .statusCode(200)
          .header(
              "Content-Security-Policy",
              containsString("default-src 'self'; script-src 'self'; style-src 'self'"))
          .header("X-Frame-Options", "DENY")
          .header("X-Content-Type-Options", "nosniff");
    }
  }

  @Test
  void htmxAndTheStylesheetAreServedLocally() {
    given()
        .when()
        .get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")
        .then()
        .statusCode(200)
        .body(containsString("htmx"));
    given()
        .when()
        .get("/css/stafet.css")
        .then()
        .statusCode(200)
        .body(containsString("max-width: 600px"));
    String html = given().when().get("/").then().extract().asString();
    assertThat(html)
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .doesNotContain("https://")
        .doesNotContain("style=");
  }

  @Test
  void crossSitePostsAreRefused() {
    given()
        .header("Origin", "https://evil.example")
        .formParam("agreementChannel", "ORAL")
        .when()
        .post("/handovers/11111111-1111-1111-1111-111111111111/accept")
        .then()
        .statusCode(403);
    given()
        .header("Sec-Fetch-Site", "cross-site")
        .when()
        .post("/deliveries/mh-dead-1/resend")
        .then()
        .statusCode(403);
    assertThat(StubState.calls).noneMatch(c -> c.startsWith("POST"));
  }

  @Test
  void danishByDefaultEnglishByParameterAndRememberedInACookie() {
    assertThat(given().get("/").then().extract().asString())
        .contains("<html lang=\"da\">")
        .contains("Koordinatoroverblik");
    String cookie =
        given()
            .get("/?lang=en")
            .then()
            .statusCode(200)
            .body(containsString("Coordinator overview"))
            .extract()
            .cookie("stafet-lang");
    assertThat(cookie).isEqualTo("en");
    assertThat(given().cookie("stafet-lang", "en").get("/kpis").then().extract().asString())
        .contains("<html lang=\"en\">")
        .contains("Share with a named patient-responsible doctor");
  }

  @Test
  void healthIsUp() {
    given().when().get("/q/health/live").then().statusCode(200);
  }
}
