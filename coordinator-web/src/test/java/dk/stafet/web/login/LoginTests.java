package dk.stafet.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages log their user in with the authorization-code flow against the real development issuer
 * and call the services with that person's access token; the roles of the token choose the pages.
 */
@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class LoginTests {

  @BeforeEach
  void reset() {
    RestAssured.requestSpecification = null;
    StubState.reset();
  }

  private static String issuer() {
    return ConfigProvider.getConfig().getValue("stafet.web.issuer-url", String.class);
  }

  @Test
  void everyPageAsksForALoginAtTheIssuerWithPkceAndANonceButHealthAndStylesAreOpen() {
    for (String page : new String[] {"/", "/kpis", "/my-course", "/fragments/handovers"}) {
      Response answer = Login.anonymous().get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.header("Location"))
          .startsWith(issuer() + "/authorize?")
          .contains("client_id=coordinator-web")
          .contains("response_type=code")
          .contains("code_challenge_method=S256")
          .contains("nonce=")
          .contains("redirect_uri=http%3A%2F%2Flocalhost%3A18084%2Flogin%2Fcallback");
    }
    assertThat(Login.anonymous().get("/q/health/ready").statusCode()).isEqualTo(200);
    assertThat(Login.anonymous().get("/css/stafet.css").statusCode()).isEqualTo(200);
    assertThat(StubState.calls).as("nothing reaches the services without a login").isEmpty();
  }

  @Test
  void theServicesAreCalledWithTheLoggedInPersonsOwnToken() {
    String page =
        Login.anonymous()
            .cookies(Login.as("patient-advisor"))
            .get("/")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page).contains("Patientvejleder Pia Vestergaard").contains("href=\"/logout\"");
    assertThat(StubState.persons).isNotEmpty().containsOnly("demo-patientvejleder-1");
    assertThat(StubState.calls).allMatch(c -> c.contains(" " + StubState.COORDINATOR));

    StubState.reset();
    Login.anonymous().cookies(Login.as("coordinator")).get("/kpis").then().statusCode(200);
    assertThat(StubState.persons).isNotEmpty().containsOnly("demo-koordinator-1");
  }

  @Test
  void theRolesOfTheTokenChooseThePages() {
    Map<String, String> citizen = Login.asCitizen("010203-1234");
    assertThat(Login.anonymous().cookies(citizen).get("/").statusCode()).isEqualTo(403);
    assertThat(Login.anonymous().cookies(citizen).get("/my-course").statusCode()).isEqualTo(200);
    Map<String, String> coordinator = Login.as("coordinator");
    assertThat(Login.anonymous().cookies(coordinator).get("/my-course").statusCode())
        .isEqualTo(403);
    Map<String, String> officer = Login.as("security-officer");
    assertThat(Login.anonymous().cookies(officer).get("/").statusCode()).isEqualTo(403);
    assertThat(
            Login.anonymous()
                .cookies(officer)
                .header("HX-Request", "true")
                .post("/handovers/11111111-1111-1111-1111-111111111111/reject")
                .statusCode())
        .isEqualTo(403);
    assertThat(StubState.calls).noneMatch(c -> c.contains("/reject"));
  }

  @Test
  void logoutEndsTheSessionAtTheIssuerAndLandsOnTheLoggedOutPage() {
    Map<String, String> session = new HashMap<>(Login.fresh("coordinator"));
    Response logout = Login.anonymous().cookies(session).get("/logout");
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.header("Location"))
        .startsWith(issuer() + "/logout?")
        .contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A18084%2Flogged-out");
    assertThat(logout.getDetailedCookies().asList())
        .filteredOn(c -> c.getName().startsWith("q_session"))
        .isNotEmpty()
        .allMatch(c -> c.getMaxAge() == 0 || c.getValue().isEmpty());
    Response back = Login.anonymous().get(logout.header("Location"));
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.header("Location")).startsWith("http://localhost:18084/logged-out");
    assertThat(Login.anonymous().get("/logged-out").then().statusCode(200).extract().asString())
        .contains("Du er logget ud");
  }
}
