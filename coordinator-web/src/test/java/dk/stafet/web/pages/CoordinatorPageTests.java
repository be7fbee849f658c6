package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.client.Api;
import dk.stafet.web.login.Login;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class CoordinatorPageTests {

  @BeforeEach
  void reset() {
    Login.useSessionOf("coordinator");
    StubState.reset();
  }

  private static String get(String path) {
    return given()
        .when()
        .get(path)
        .then()
        .statusCode(200)
        .contentType(ContentType.HTML)
        .extract()
        .asString();
  }

  @Test
  void showsWaitingHandoverWithOrganisationNamesAndActions() {
    String html = get("/");
    assertThat(html)
        .contains("Overdragelser der venter på svar")
        .contains("Akutafdelingen, Aarhus Universitetshospital") // fromSor, named from the registry
        .contains("Lægehuset Åbyhøj") // toSor
        .contains("hx-post=\"/handovers/11111111-1111-1111-1111-111111111111/accept?lang=da\"")
        .contains("href=\"/patients/" + StubState.PATIENT + "\"")
        .contains("hx-trigger=\"every 5s\"");
    assertThat(StubState.calls)
        .anyMatch(c -> c.startsWith("GET /api/handovers?state=PROPOSED 999999000901001"));
  }

  @Test
  void escapesHostileTextFromSenders() {
    String html = get("/");
    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    // the only script element is htmx from this origin
    assertThat(html.split("<script", -1)).hasSize(2);
  }

  @Test
  void theCoordinatorRecordsTheReceiversAcceptanceWithItsOwnTokenAndTheSectionRerenders() {
    String fragment =
        given()
            .header("HX-Request", "true")
            .formParam("agreementChannel", "ORAL")
            .when()
            .post("/handovers/11111111-1111-1111-1111-111111111111/accept")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(StubState.calls)
        .anyMatch(
            c ->
                c.startsWith(
                        "POST /api/handovers/11111111-1111-1111-1111-111111111111/accept "
                            + StubState.COORDINATOR)
                    && c.contains("\"agreementChannel\":\"ORAL\""));
    assertThat(fragment)
        .startsWith("<section id=\"handovers\"")
        .contains("Overdragelsen er accepteret")
        .contains("Ingen overdragelser venter");
  }

  @Test
  void rejectSendsTheReasonAndAPlainFormPostIsRedirected() {
    given()
        .redirects()
        .follow(false)
        .formParam("reason", "Ikke vores patient")
        .when()
        .post("/handovers/11111111-1111-1111-1111-111111111111/reject")
        .then()
        .statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/"));
    assertThat(StubState.calls)
        .anyMatch(
            c ->
                c.contains("/reject " + StubState.COORDINATOR) && c.contains("Ikke vores patient"));
    assertThat(StubState.handovers.get("11111111-1111-1111-1111-111111111111").state())
        .isEqualTo("REJECTED");
  }

  @Test
  void unknownHandoverIsNotSentToTheService() {
    String fragment =
        given()
            .header("HX-Request", "true")
            .when()
            .post("/handovers/33333333-3333-3333-3333-333333333333/accept")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(fragment).contains("HANDOVER_NOT_WAITING");
    assertThat(StubState.calls).noneMatch(c -> c.startsWith("POST"));
  }

  @Test
  void deadLettersHaveResendAndQuarantineHasReplay() {
    String html = get("/");
    assertThat(html)
        .contains("hx-post=\"/deliveries/mh-dead-1/resend?lang=da\"")
        .contains("hx-post=\"/quarantine/22222222-2222-2222-2222-222222222222/replay?lang=da\"")
        .contains("UNKNOWN_RECEIVER")
        .contains("Venter på kvittering");
    String fragment =
        given()
            .header("HX-Request", "true")
            .when()
            .post("/deliveries/mh-dead-1/resend")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(fragment).contains("Beskeden er sendt igen").contains("Ingen døde beskeder");
    given()
        .header("HX-Request", "true")
        .when()
        .post("/quarantine/22222222-2222-2222-2222-222222222222/replay")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("Genafspillet (ACCEPTED)"));
  }

  @Test
  void aValidationAlarmIsShownUntilACoordinatorAcknowledgesItInTheServiceThatRaisedIt() {
    assertThat(get("/fragments/validation-alarms?lang=en"))
        .startsWith("<section id=\"validation-alarms\" class=\"card\"")
        .contains("No alarms");
    StubState.validationAlarms
        .get("notification")
        .add(
            new Api.ValidationAlarm(
                3,
                java.time.Instant.now(),
                "ACKNOWLEDGEMENT",
                List.of("Bundle.entry[0].resource.response.code")));

    assertThat(get("/"))
        .contains("<section id=\"validation-alarms\" class=\"card alarm\"")
        .contains("role=\"alert\">1 besked(er) blev godkendt af den hurtige validering")
        .contains("<code>Bundle.entry[0].resource.response.code</code>")
        .contains("hx-post=\"/validation-alarms/notification/3/acknowledge?lang=da\"");
    assertThat(StubState.calls)
        .contains(
            "GET /referral/api/validation-alarms 999999000901001",
            "GET /notification/api/validation-alarms 999999000901001");

    String fragment =
        given()
            .header("HX-Request", "true")
            .when()
            .post("/validation-alarms/notification/3/acknowledge")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(StubState.calls)
        .contains("POST /notification/api/validation-alarms/3/acknowledge 999999000901001");
    assertThat(fragment)
        .startsWith("<section id=\"validation-alarms\" class=\"card\"")
        .contains("Kvitteret")
        .doesNotContain("role=\"alert\"");
    given()
        .header("HX-Request", "true")
        .when()
        .post("/validation-alarms/responsibility/3/acknowledge")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("UNKNOWN_SERVICE"));
    assertThat(StubState.calls).noneMatch(c -> c.startsWith("POST /responsibility/"));
  }

  @Test
  void parkedRecordsAreAnAlarmWithoutCprAndTheirReplayGoesToTheServiceThatHoldsThem() {
    String html = get("/");
    assertThat(html)
        .contains("<section id=\"parked\" class=\"card alarm\"")
        .contains("Parkerede beskeder")
        .contains("role=\"alert\">1 besked(er) kunne ikke anvendes")
        .contains("dk.stafet.course.referral-received")
        .contains("stafet.course-events")
        .contains("java.lang.NullPointerException")
        .contains("1. forsøg")
        .contains("href=\"/patients/" + StubState.PATIENT + "\"")
        .contains("hx-post=\"/parked/responsibility/7/replay?lang=da\"")
        .contains("without receiver &lt;script&gt;")
        .doesNotContain(StubState.CPR);
    assertThat(StubState.calls)
        .contains(
            "GET /responsibility/api/parked?state=PARKED 999999000901001",
            "GET /notification/api/parked?state=PARKED 999999000901001");

    String fragment =
        given()
            .header("HX-Request", "true")
            .when()
            .post("/parked/responsibility/7/replay")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(StubState.calls)
        .contains("POST /responsibility/api/parked/7/replay 999999000901001");
    assertThat(fragment)
        .startsWith("<section id=\"parked\" class=\"card\"")
        .contains("Genafspillet")
        .contains("Ingen parkerede beskeder")
        .doesNotContain("role=\"alert\"");

    // A second replay is the service's conflict, shown; a service the page does not know is never
    // called.
    given()
        .header("HX-Request", "true")
        .when()
        .post("/parked/responsibility/7/replay")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("NOT_PARKED"));
    given()
        .header("HX-Request", "true")
        .when()
        .post("/parked/referral/7/replay")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("UNKNOWN_SERVICE"));
    assertThat(StubState.calls).noneMatch(c -> c.startsWith("POST /referral/"));
  }

  @Test
  void missingServiceEndpointsAreNamedAndKpiCountsShown() {
    String html = get("/?lang=en");
    assertThat(html)
        .contains("responsibility-service does not list patients without a named doctor yet")
        .contains("CANCER: 6 of 40 active patients without a named doctor · 1 gaps")
        .contains("referral-service does not answer with the list of referrals");
  }

  @Test
  void listsPatientsWithoutNamedDoctorAndWaitingTimeBreachesWhenTheServicesExposeThem() {
    StubState.attentionEndpoint = true;
    StubState.waitingEndpoint = true;
    String html = get("/");
    assertThat(html)
        .contains("&lt;b&gt;&lt;script&gt;") // unknown SOR shown as text, escaped
        .contains(
            "Fristen er overskredet med 6 dage") // referral-service's days, not recomputed here
        .contains("2 dage tilbage")
        .contains(">W1: 14 dage fra henvisningen blev modtaget<")
        .contains(">W3: ")
        .doesNotContain(">W4: ") // on track: not on the attention list
        // a child's plan whose transition at 18 must be agreed, in words, with or without others
        .contains(
            "Ingen navngiven læge<br><span class=\"transition\">Fylder 18 den 01.02.2027:"
                + " forløbsplanens overgang til voksenområdet skal aftales.</span>")
        .contains("<td data-label=\"Alarm\"><span class=\"transition\">Fylder 18 den 15.01.2027:")
        .contains("<tr class=\"warn\">")
        .doesNotContain(">transition-at-18<");
    assertThat(get("/fragments/attention?lang=en"))
        .contains(
            "Turns 18 on 15.01.2027: the plan&#39;s transition to adult services must be agreed.");
    assertThat(StubState.calls)
        .contains(
            "GET /api/referrals/waiting-times?status=exceeded 999999000901001",
            "GET /api/referrals/waiting-times?status=warning 999999000901001");
  }

  @Test
  void aServiceThatIsDownBreaksOnlyItsSection() {
    StubState.responsibilityDown = true;
    String html = get("/");
    assertThat(html).contains("Tjenesten svarer ikke lige nu").contains("mh-dead-1");
  }

  @Test
  void fragmentsRenderAloneForPolling() {
    assertThat(get("/fragments/handovers")).startsWith("<section id=\"handovers\"");
    assertThat(get("/fragments/messages?lang=en")).contains("Dead letters");
    assertThat(get("/fragments/quarantine")).contains("Input i karantæne");
    assertThat(get("/fragments/attention")).contains("Patienter uden navngiven");
    assertThat(get("/fragments/waiting")).contains("Henvisninger tæt på");
    assertThat(get("/fragments/parked?lang=en"))
        .startsWith("<section id=\"parked\"")
        .contains("Parked records")
        .contains("1 record(s) could not be applied");
  }
}
