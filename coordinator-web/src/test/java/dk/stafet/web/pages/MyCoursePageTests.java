package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.login.Login;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class MyCoursePageTests {

  @BeforeEach
  void reset() {
    Login.useSessionOfCitizen("010203-1234");
    StubState.reset();
  }

  @Test
  void formPostsTheCprNumberInTheBody() {
    String html = given().when().get("/my-course").then().statusCode(200).extract().asString();
    assertThat(html)
        .contains("<form method=\"post\" action=\"/my-course?lang=da\"")
        .contains("name=\"cpr\"")
        // The browser checks the input against this pattern before it posts: its braces must
        // survive the template.
        .contains("pattern=\"[0-9]{6}-?[0-9]{4}\"");
  }

  @Test
  void showsDoctorWhoToCallReferralsAndMessagesInPlainLanguage() {
    String html =
        given()
            .formParam("cpr", "010203-1234")
            .when()
            .post("/my-course")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .extract()
            .asString();
    assertThat(html)
        .contains("Din patientansvarlige læge er Dr. Jensen.")
        .contains("Ring til Akutafdelingen &lt;script&gt;")
        .contains("78 45 00 00")
        .contains("Henvisning til Akutafdelingen, Aarhus Universitetshospital")
        .contains("Du har ret til din første undersøgelse senest") // W1, in plain words
        .contains("Din behandling skal begynde senest") // W3
        .contains("Fristen er overskredet")
        .contains("Besked om indlæggelse eller udskrivelse")
        .contains("Ved livsfare: ring 112.")
        .contains("Din forløbsplan")
        .contains("Din tovholder er")
        .contains("Genoptræningsforløb")
        .contains("Når du fylder 18 (15.01.2027), overgår du til voksenområdet.")
        .doesNotContain("0102031234")
        .doesNotContain("010203-1234")
        .doesNotContain("<script>alert");
    // the CPR number went to both services in the body, as the patient portal, never in a URL
    assertThat(StubState.calls)
        .contains(
            "POST /responsibility/api/patients/lookup 999999000902001 cpr=0102031234",
            "POST /referral/api/patients/lookup 999999000902001 cpr=0102031234");
    assertThat(StubState.calls).noneMatch(c -> c.startsWith("GET") && c.contains("0102031234"));
  }

  @Test
  void unknownAndMalformedCprNumbers() {
    assertThat(
            given()
                .formParam("cpr", "1111111111")
                .post("/my-course?lang=en")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("We found no information about you.");
    assertThat(
            given()
                .formParam("cpr", "12ab")
                .post("/my-course")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("Skriv dit CPR-nummer som 10 cifre");
  }
}
