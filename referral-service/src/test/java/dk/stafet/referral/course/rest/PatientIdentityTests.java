package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.COORDINATOR;
import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.NATIONAL_REGISTER;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/patients/identities}: the pages name patients by name, age and masked CPR number
 * (docs/web.md, "Patients by name"), read from the service that learnt the name, for the callers
 * that may see the patient, audited per patient named. Its cross-organisation cases are in the
 * access suite (CrossOrganisationAccessTests).
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class PatientIdentityTests {

  @Inject PatientPseudonym pseudonym;
  @Inject DataSource dataSource;

  @Test
  void aCoordinatorGetsTheRegisteredNameBirthDateAndMaskedCprButNeverTheNumber() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    post(
            NATIONAL_REGISTER,
            "/api/patients/listed-gp",
            Map.of(
                "cpr",
                cpr,
                "gpSor",
                GP,
                "familyName",
                "Holm",
                "givenNames",
                List.of("Ida", "Marie")))
        .statusCode(200);

    Response answer = identities(COORDINATOR, key);

    answer.then().statusCode(200);
    assertThat(answer.jsonPath().getList("patientKey")).containsExactly(key);
    assertThat(answer.jsonPath().getString("[0].familyName")).isEqualTo("Holm");
    assertThat(answer.jsonPath().getString("[0].givenNames")).isEqualTo("Ida Marie");
    assertThat(answer.jsonPath().getString("[0].cprMasked"))
        .isEqualTo(cpr.substring(0, 6) + "-****");
    assertThat(answer.jsonPath().getString("[0].birthDate"))
        .isEqualTo("19" + cpr.substring(4, 6) + "-01-" + cpr.substring(0, 2));
    assertThat(answer.asString()).doesNotContain(cpr).doesNotContain(cpr.substring(6));
  }

  @Test
  void aPatientWithoutAKnownNameIsNamedByBirthDateAndMaskedCprOnly() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    post(DEPARTMENT, "/api/referrals", TestData.referral(cpr)).statusCode(201);

    Response answer = identities(DEPARTMENT, key);

    assertThat(answer.jsonPath().getList("patientKey")).containsExactly(key);
    assertThat(answer.jsonPath().getString("[0].familyName")).isNull();
    assertThat(answer.jsonPath().getString("[0].cprMasked")).endsWith("-****");
  }

  @Test
  void oneAnswerNamesOnlyThePatientsTheCallerMaySeeAndAuditsEachOfThem() throws Exception {
    String seen = newCpr();
    String other = newCpr();
    post(DEPARTMENT, "/api/referrals", TestData.referral(seen)).statusCode(201);
    post(NATIONAL_REGISTER, "/api/patients/listed-gp", Map.of("cpr", other, "gpSor", GP))
        .statusCode(200);
    String seenKey = pseudonym.of(seen);
    String otherKey = pseudonym.of(other);
    String ghostKey = pseudonym.of(newCpr());

    Response answer = identities(DEPARTMENT, seenKey, otherKey, ghostKey);

    assertThat(answer.jsonPath().getList("patientKey")).containsExactly(seenKey);
    assertThat(auditRows(seenKey, "GRANTED")).containsExactly("READ_IDENTITY");
    assertThat(auditRows(otherKey, "DENIED")).containsExactly("READ_IDENTITY");
    assertThat(auditRows(ghostKey, "DENIED")).isEmpty();
    assertThat(identities(OTHER_DEPARTMENT, seenKey).jsonPath().getList("$")).isEmpty();
  }

  @Test
  void moreThanOnePagesKeysAreRefusedAndNoTokenIs401() {
    String[] keys =
        IntStream.range(0, 101)
            .mapToObj(i -> "k" + i + "aaaaaaaaaaaaaaaaaa")
            .toArray(String[]::new);
    identities(COORDINATOR, keys).then().statusCode(422);
    given().queryParam("patientKey", "abc").get("/api/patients/identities").then().statusCode(401);
  }

  private static Response identities(String sor, String... keys) {
    var request = given().auth().oauth2(TestTokens.forOrganisation(sor));
    for (String key : keys) {
      request = request.queryParam("patientKey", key);
    }
    return request.get("/api/patients/identities");
  }

  private List<String> auditRows(String patientKey, String outcome) throws Exception {
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT action FROM audit_entry WHERE patient_key = ? AND outcome = ?"
                    + " AND action LIKE '%IDENTITY' ORDER BY id")) {
      statement.setString(1, patientKey);
      statement.setString(2, outcome);
      try (var rows = statement.executeQuery()) {
        List<String> actions = new java.util.ArrayList<>();
        while (rows.next()) {
          actions.add(rows.getString(1));
        }
        return actions;
      }
    }
  }
}
