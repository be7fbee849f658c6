package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.client.Api;
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
  void theCitizenChoosesTheCaseManagerAmongThoseInThePlanWithTheirOwnToken() {
    String plan = StubState.carePlans.get(0).id();
    String page =
        given().formParam("cpr", "0102031234").post("/my-course").then().extract().asString();
    assertThat(page)
        .contains("action=\"/my-course/care-plans/" + plan + "/case-manager?lang=da\"")
        .contains("<legend>Vælg din tovholder</legend>")
        .contains("value=\"" + StubState.HOSPITAL_DEPT + "\" required>")
        .contains("value=\"" + StubState.GP + "\" checked required>"); // the choice now

    // htmx: the plan section again, with the choice recorded as the citizen's.
    String section =
        given()
            .header("HX-Request", "true")
            .formParam("organisationSor", StubState.HOSPITAL_DEPT)
            .formParam("patientKey", StubState.PATIENT)
            .post("/my-course/care-plans/" + plan + "/case-manager")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(section)
        .startsWith("<section class=\"card\" id=\"my-plans\">")
        .contains("Du har valgt Akutafdelingen, Aarhus Universitetshospital som din tovholder.")
        .contains("Din tovholder er Akutafdelingen, Aarhus Universitetshospital.")
        .contains("value=\"" + StubState.HOSPITAL_DEPT + "\" checked required>");
    assertThat(StubState.calls)
        .anyMatch(
            c ->
                c.startsWith("POST /api/care-plans/" + plan + "/case-manager 999999000902001 ")
                    && c.contains(StubState.HOSPITAL_DEPT))
        .contains("GET /api/care-plans?patientKey=" + StubState.PATIENT + " 999999000902001");

    // Without htmx: the page with the plan section (the CPR number is not kept), in English.
    assertThat(choose(plan, StubState.GP, "?lang=en"))
        .contains("You have chosen Lægehuset Åbyhøj as your case manager.")
        .contains("id=\"cpr-form\"")
        .doesNotContain("id=\"my-doctor\"");

    // Refusals are plain messages in the section, never an error page.
    assertThat(choose(plan, "999000000000000", ""))
        .contains("Du kan kun vælge én af dem, der er med i planen.");
    assertThat(choose(plan, "", "")).contains("Vælg én af dem på listen, før du gemmer.");
    assertThat(choose("c0ffee00-0000-4000-8000-00000000dead", StubState.GP, ""))
        .contains("Dit valg blev ikke gemt. Prøv igen senere.");
    Api.CarePlan p = StubState.carePlans.get(0);
    StubState.carePlans.set(
        0,
        new Api.CarePlan(
            p.id(),
            p.patientKey(),
            p.kind(),
            "COMPLETED",
            p.title(),
            p.author(),
            p.createdAt(),
            p.activities(),
            p.caseManager(),
            p.caseManagerChoices(),
            p.closingTalk(),
            p.endedAt(),
            p.transitionAt(),
            false));
    assertThat(choose(plan, StubState.GP, ""))
        .contains("Planen er afsluttet, så du kan ikke længere vælge tovholder.")
        .doesNotContain("<legend>Vælg din tovholder</legend>"); // no form on a completed plan

    // A form on another site cannot choose for the citizen.
    given()
        .header("Origin", "https://elsewhere.example")
        .formParam("organisationSor", StubState.GP)
        .post("/my-course/care-plans/" + plan + "/case-manager")
        .then()
        .statusCode(403);
  }

  private static String choose(String plan, String organisation, String query) {
    return given()
        .formParam("organisationSor", organisation)
        .formParam("patientKey", StubState.PATIENT)
        .post("/my-course/care-plans/" + plan + "/case-manager" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
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
