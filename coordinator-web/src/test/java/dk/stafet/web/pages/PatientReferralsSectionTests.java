package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.login.Login;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient page lists the patient's referrals with the deadlines referral-service computed
 * ({@code GET /api/patients/{key}/referrals}), shown as they came: no deadline is worked out here.
 */
@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class PatientReferralsSectionTests {

  @BeforeEach
  void reset() {
    Login.useSessionOf("coordinator");
    StubState.reset();
  }

  private static String page(String patientKey) {
    return given()
        .when()
        .get("/patients/" + patientKey)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static String day(long fromToday) {
    return LocalDate.now(ZoneId.of("Europe/Copenhagen"))
        .plusDays(fromToday)
        .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  @Test
  void thePatientsReferralsShowReferralServicesDeadlinesAndStatus() {
    String html = page(StubState.PATIENT);
    String section = html.substring(html.indexOf("<section id=\"patient-referrals\""));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section)
        .contains("Henvisninger og ventetidsfrister")
        .contains("<tr class=\"bad\">")
        .contains(">W1<")
        .contains(day(-6))
        .contains("Fristen er overskredet med 6 dage")
        .contains("<tr class=\"warn\">")
        .contains(day(2))
        .contains("2 dage tilbage")
        .contains(">W4<")
        .contains("27 dage tilbage")
        .contains("Lægehuset Åbyhøj");
    assertThat(StubState.calls)
        .contains("GET /api/patients/" + StubState.PATIENT + "/referrals " + StubState.COORDINATOR);
  }

  @Test
  void aPatientReferralServiceDoesNotShowGetsItsAnswerInTheSectionOnly() {
    String html = page(StubState.UNNAMED_PATIENT);
    String section = html.substring(html.indexOf("<section id=\"patient-referrals\""));
    assertThat(section.substring(0, section.indexOf("</section>")))
        .contains("class=\"problem\"")
        .doesNotContain("<table>");
    assertThat(html).contains("id=\"ledger\"");
  }
}
