package dk.stafet.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.login.Login;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages name patients as people do (issue 13 item 6): name, age and masked CPR number from
 * referral-service, asked for with the logged-in person's token; the pseudonym stays in the links.
 */
@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class PatientNamesPageTests {

  private static final String IDENTITIES = "GET /api/patients/identities?patientKey=";

  @BeforeEach
  void reset() {
    Login.useSessionOf("coordinator");
    StubState.reset();
    StubState.attentionEndpoint = true;
    StubState.waitingEndpoint = true;
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

  private static int ageOf(LocalDate born) {
    return Period.between(born, LocalDate.now(ZoneId.of("Europe/Copenhagen"))).getYears();
  }

  @Test
  void theAttentionListNamesPatientsByNameAgeAndMaskedCprAndLinksByPseudonym() {
    String html = get("/fragments/attention");
    int age = ageOf(LocalDate.of(1958, 3, 7));
    assertThat(html)
        .contains(
            "<a href=\"/patients/" + StubState.PATIENT + "\" class=\"patient\">Ida Marie Holm")
        .contains(age + " år · 070358-****")
        // the name comes from senders: escaped like every other text
        .contains("Holm &lt;script&gt;")
        .doesNotContain("<script>alert")
        // the pseudonym is in the address only, never the text people read
        .doesNotContain(">" + StubState.PATIENT + "<")
        .doesNotContain(StubState.CPR);
    // One call for the whole list, as the logged-in coordinator (referral-service audits her).
    assertThat(StubState.calls)
        .contains(
            IDENTITIES
                + StubState.PATIENT
                + ","
                + StubState.UNNAMED_PATIENT
                + ","
                + StubState.UNKNOWN_PATIENT
                + " "
                + StubState.COORDINATOR);
  }

  @Test
  void aPatientWithoutAKnownNameSaysSoAndNeverShowsTheCprNumber() {
    String html = get("/fragments/attention");
    assertThat(html)
        .contains(
            "<a href=\"/patients/"
                + StubState.UNNAMED_PATIENT
                + "\" class=\"patient\"><span class=\"name-unknown\">Navn ukendt</span></a>")
        .contains(ageOf(LocalDate.of(1990, 12, 24)) + " år · 241290-****");
    // Nobody named for this key (unknown to the caller): "Navn ukendt" and the key's start only.
    assertThat(html)
        .contains(
            "<a href=\"/patients/"
                + StubState.UNKNOWN_PATIENT
                + "\" class=\"patient\"><span class=\"name-unknown\">Navn ukendt</span></a>"
                + " <code class=\"key\">p-000000…</code>");
  }

  @Test
  void everyListWherePatientsAppearNamesThem() {
    String page = get("/");
    // attention, handovers, waiting times, dead letters and unacknowledged messages, parked records
    for (String section :
        new String[] {"attention", "handovers", "waiting", "messages", "parked"}) {
      String fragment = get("/fragments/" + section);
      assertThat(fragment).as(section).contains("Ida Marie Holm").contains("070358-****");
    }
    assertThat(page).contains("Ida Marie Holm");
  }

  @Test
  void thePatientPageHeaderNamesThePatient() {
    String html = get("/patients/" + StubState.PATIENT + "?lang=en");
    assertThat(html)
        .contains(
            "<p class=\"patient-header\" id=\"patient-name\"><strong>Ida Marie Holm &lt;script&gt;")
        .contains(" · " + ageOf(LocalDate.of(1958, 3, 7)) + " years · 070358-****</p>")
        .doesNotContain(StubState.CPR);
    assertThat(StubState.calls)
        .contains(IDENTITIES + StubState.PATIENT + " " + StubState.COORDINATOR);
    String unnamed = get("/patients/" + StubState.UNNAMED_PATIENT);
    assertThat(unnamed).contains("id=\"patient-name\"><strong>Navn ukendt</strong> · ");
  }

  @Test
  void whenReferralServiceCannotNameAnyoneTheListsStillShowWithTheFallback() {
    StubState.identityEndpoint = false;
    String html = get("/");
    assertThat(html)
        .contains("Navn ukendt")
        .contains("<code class=\"key\">p-012345…</code>")
        .contains("href=\"/patients/" + StubState.PATIENT + "\"")
        .doesNotContain("070358-****");
  }
}
