package dk.stafet.referral.course.rest;

import static dk.stafet.referral.course.rest.TestData.COORDINATOR;
import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.get;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.post;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/patients/{patientKey}/referrals}: the coordinator's patient page lists the
 * patient's referrals with the deadlines referral-service computes, the same assessment as the
 * waiting-time list and the referral itself. Cross-organisation cases:
 * CrossOrganisationAccessTests.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class PatientReferralsTests {

  @Inject PatientPseudonym pseudonym;

  @Test
  void thePatientsReferralsCarryTheSameDeadlineAsTheWaitingTimeList() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    String id =
        post(DEPARTMENT, "/api/referrals", TestData.referral(cpr))
            .statusCode(201)
            .extract()
            .path("id");

    JsonPath mine =
        get(COORDINATOR, "/api/patients/" + key + "/referrals")
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(mine.getList("id")).containsExactly(id);
    assertThat(mine.getString("[0].waitingTimeRule")).isEqualTo("W1");
    String deadline = mine.getString("[0].waitingTime.deadline");
    assertThat(deadline).isNotNull();
    assertThat(mine.getString("[0].waitingTime.status")).isEqualTo("ON_TRACK");
    assertThat(
            get(DEPARTMENT, "/api/referrals/" + id)
                .statusCode(200)
                .extract()
                .path("waitingTime.deadline")
                .toString())
        .isEqualTo(deadline);
    List<Map<String, Object>> listed =
        get(COORDINATOR, "/api/referrals/waiting-times?status=all")
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.id == '" + id + "' }");
    assertThat(listed)
        .singleElement()
        .satisfies(r -> assertThat(r.get("deadline")).isEqualTo(deadline));
    assertThat(mine.prettify()).doesNotContain(cpr);
  }

  @Test
  void anOrganisationNotInvolvedGetsNotFoundAsForAnUnknownPatient() {
    String cpr = newCpr();
    post(DEPARTMENT, "/api/referrals", TestData.referral(cpr)).statusCode(201);
    get(OTHER_DEPARTMENT, "/api/patients/" + pseudonym.of(cpr) + "/referrals").statusCode(404);
    get(OTHER_DEPARTMENT, "/api/patients/" + pseudonym.of(newCpr()) + "/referrals").statusCode(404);
  }
}
