package dk.stafet.referral.course.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.referral.inbound.MedcomExamples;
import dk.stafet.referral.inbound.MedcomSenders;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outgoing MedCom messages must name the patient officially (issue 13 item 3): referral-service
 * learns the name from the MedCom messages it receives and from the national register, and every
 * course event about the patient carries it to notification-service.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class PatientNameEventsTests {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static KafkaTestClient kafka;

  @Inject PatientPseudonym pseudonym;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void theNameInAReceivedHospitalNotificationTravelsOnTheCourseEvent() {
    String body =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage sent = new MedcomMessage(CODEC.parse(body, "application/fhir+json"));
    given()
        .auth()
        .oauth2(MedcomSenders.tokenOf(body))
        .contentType("application/fhir+json")
        .body(body)
        .when()
        .post("/fhir/$process-message")
        .then()
        .statusCode(200);

    CourseEvent admission = eventFrom(sent.messageHeaderId());
    assertThat(admission.detail("patientFamilyName")).isEqualTo("Elmer");
    assertThat(sent.patient().orElseThrow().givenNames()).isEmpty();
    assertThat(admission.details()).doesNotContainKey("patientGivenNames"); // MedCom's has none
  }

  @Test
  void theNationalRegistersNameTravelsOnEveryLaterEventOfThePatient() {
    String cpr = TestData.newCpr();
    String gp = RegistryFixture.sorOf("GP");
    String key = pseudonym.of(cpr);
    register(cpr, gp, Map.of("familyName", "Holm", "givenNames", List.of("Ida", "Marie")));
    CourseEvent listed = listedGpEvents(key, 1).get(0);
    assertThat(listed.details())
        .containsEntry("patientFamilyName", "Holm")
        .containsEntry("patientGivenNames", "Ida Marie");

    // A new name alone is news too (the register corrects it): a second event with the new name.
    register(cpr, gp, Map.of("familyName", "Holm-Berg", "givenNames", List.of("Ida", "Marie")));
    assertThat(listedGpEvents(key, 2).get(1).details())
        .containsEntry("patientFamilyName", "Holm-Berg");
  }

  private static void register(String cpr, String gp, Map<String, Object> name) {
    Map<String, Object> body = new java.util.HashMap<>(name);
    body.put("cpr", cpr);
    body.put("gpSor", gp);
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(TestTokens.NATIONAL_REGISTER_SOR))
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/patients/listed-gp")
        .then()
        .statusCode(200);
  }

  private static CourseEvent eventFrom(String messageHeaderId) {
    return EventJson.read(
        kafka
            .awaitRecord(
                Topics.COURSE_EVENTS,
                r -> r.value().contains(messageHeaderId),
                Duration.ofSeconds(30))
            .value(),
        CourseEvent.class);
  }

  private static List<CourseEvent> listedGpEvents(String patientKey, int count) {
    return kafka
        .poll(
            Topics.COURSE_EVENTS,
            r ->
                patientKey.equals(r.key())
                    && "dk.stafet.course.listed-gp-registered"
                        .equals(KafkaTestClient.header(r, "ce_type").orElse(null)),
            count,
            Duration.ofSeconds(30))
        .stream()
        .map(r -> EventJson.read(r.value(), CourseEvent.class))
        .toList();
  }
}
