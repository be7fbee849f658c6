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
class TimelineAndKpiPageTests {

  @BeforeEach
  void reset() {
    Login.useSessionOf("coordinator");
    StubState.reset();
  }

  @Test
  void timelineShowsLedgerRulesHandoversAndMessagesWithAckState() {
    String html =
        given()
            .when()
            .get("/patients/" + StubState.PATIENT)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html)
        .contains("Hvem havde ansvaret hvornår")
        .contains("Lægehuset Åbyhøj")
        .contains("R5")
        .contains("Akutafdelingen, Aarhus Universitetshospital")
        .contains("R6")
        .contains("02.03.2026 10:15") // Danish time (CET) of 09:15Z
        .contains("gælder stadig")
        .contains("LISTED_GP_REGISTERED")
        .doesNotContain(">e-1<") // what happened, not the event's id
        .contains("Dr. &lt;script&gt;")
        .contains("ACKNOWLEDGED (ok)")
        .contains("DEAD_LETTER")
        .contains("Udskrevet til opfølgning")
        .doesNotContain("<script>alert");
    assertThat(StubState.calls)
        .anyMatch(
            c -> c.equals("GET /api/patients/" + StubState.PATIENT + "/ledger 999999000901001"));
  }

  @Test
  void timelineShowsReceivedMessagesWithOurAcknowledgementAndFoldsCorrectedEntries() {
    String html =
        given()
            .when()
            .get("/patients/" + StubState.PATIENT)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String received = html.substring(html.indexOf("id=\"patient-messages-in\""));
    assertThat(received)
        .contains("HospitalNotification")
        .contains("modtaget 2 gange")
        .contains(">ok<")
        .contains("CareCommunication &lt;script&gt;")
        .contains("fatal-error")
        .contains("Akutafdelingen, Aarhus Universitetshospital");
    assertThat(StubState.calls)
        .contains("GET /api/patients/" + StubState.PATIENT + "/messages 999999000901001");
    // The entry corrected later is kept, folded away below the current history.
    String ledger =
        html.substring(html.indexOf("id=\"ledger\""), html.indexOf("id=\"patient-handovers\""));
    String current = ledger.substring(0, ledger.indexOf("<details"));
    assertThat(current).contains("R6").doesNotContain("R7");
    assertThat(ledger.substring(ledger.indexOf("<details id=\"corrected-entries\">")))
        .contains("Vis 1 rettede poster")
        .contains("R7")
        .contains("class=\"corrected");
  }

  @Test
  void timelineGroupsReceivedCareCommunicationsByThreadWithAnswersUnderTheirMessage() {
    String html =
        given()
            .when()
            .get("/patients/" + StubState.PATIENT)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String received = html.substring(html.indexOf("id=\"patient-messages-in\""));
    received = received.substring(0, received.indexOf("</section>"));
    // Received first, the orphan reply opens its own group, flagged.
    int orphan = received.indexOf("data-thread=\"t-3-0000\"");
    int first = received.indexOf("data-thread=\"t-1-0000\"");
    int reply = received.indexOf("data-thread=\"t-1-0000\"", first + 1);
    int forward = received.indexOf("data-thread=\"t-2-0000\"");
    assertThat(orphan).isPositive().isLessThan(first);
    assertThat(first).isLessThan(reply);
    assertThat(reply).isLessThan(forward);
    assertThat(received.substring(orphan, received.lastIndexOf("<tr", first)))
        .contains("↳ Svar")
        .contains("besvarer en besked Stafet ikke har modtaget")
        .doesNotContain("thread-depth");
    assertThat(received.substring(first, received.lastIndexOf("<tr", reply)))
        .doesNotContain("↳")
        .doesNotContain("thread-depth");
    assertThat(received.substring(received.lastIndexOf("<tr", reply), forward))
        .contains("thread-depth-1")
        .contains("↳ Svar");
    assertThat(received.substring(received.lastIndexOf("<tr", forward)))
        .contains("thread-depth-2")
        .contains("↳ Videresendt");
    // A reply to Stafet's own letter says so instead of being flagged.
    String ours = received.substring(received.indexOf("data-thread=\"t-4-0000\""));
    assertThat(ours.substring(0, ours.indexOf("</tr>")))
        .contains("svar på en besked Stafet sendte")
        .doesNotContain("besvarer en besked Stafet ikke har modtaget");
    assertThat(html).doesNotContain(StubState.CPR);
  }

  @Test
  void timelineShowsTheSharedCoursePlanWithWhoDoesWhatAndTheCaseManager() {
    String html =
        given()
            .when()
            .get("/patients/" + StubState.PATIENT)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html)
        .contains("<section id=\"care-plans\" class=\"card\">")
        .contains("Forløbsplan")
        .contains("Skolestart og træning &lt;script&gt;")
        .contains("Genoptræningsforløb")
        .contains("I gang")
        .contains("Opfølgning hos egen læge")
        .contains("Planlagt")
        .contains("valgt af borgeren")
        .contains("Overgang til voksenområdet ved 18 år: 15.01.2027")
        .contains("02.11.2026 – ") // started, no end yet
        .contains("ikke fastlagt endnu") // neither start nor end
        .doesNotContain("<script>alert");
    assertThat(StubState.calls).anyMatch(c -> c.startsWith("GET /api/care-plans?patientKey="));
  }

  @Test
  void timelineRefusesSomethingThatIsNotAPatientKey() {
    given().when().get("/patients/0102031234").then().statusCode(404);
  }

  @Test
  void timelineOfUnknownPatientSaysSo() {
    String html =
        given()
            .when()
            .get("/patients/p-ffffffffffffffffffffffffffffffff?lang=en")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html).contains("Not found, or no access.");
  }

  @Test
  void kpiPageDrawsSvgChartsAgainstTheTarget() {
    StubState.waitingEndpoint = true;
    String html = given().when().get("/kpis?lang=en").then().statusCode(200).extract().asString();
    assertThat(html)
        .contains("<svg class=\"chart\"")
        .contains("85.0 % (34/40)")
        .contains("class=\"target\"")
        .contains(">90 %<")
        .contains("class=\"bar bad\"") // cancer below target
        .contains("3 d 12 h") // median time to named doctor
        .contains(
            "1 over the deadline · 1 near it (of 3 with a maximum waiting time) · 4 breaches in total")
        .contains("Median 60 s"); // acknowledgement latency of mh-ack-1
  }
}
