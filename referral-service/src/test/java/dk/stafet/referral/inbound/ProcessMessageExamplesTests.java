package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomFormat;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MedCom's own examples through {@code $process-message}, over real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class ProcessMessageExamplesTests {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final java.util.Map<String, MedcomMessage> FIRST_WITH_LETTER_ID =
      new java.util.HashMap<>();

  @Inject DataSource dataSource;

  static List<Path> validExamples() {
    return MedcomExamples.validHospitalNotificationsAndCareCommunications();
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyValidExampleIsAcknowledgedOk(Path example) {
    String body = MedcomExamples.read(example);
    MedcomMessage sent = new MedcomMessage(CODEC.parse(body, MedcomExamples.contentType(example)));

    MedcomMessage ack = post(body, MedcomExamples.contentType(example), 200);

    assertThat(ack.messageType()).isEqualTo(MessageType.ACKNOWLEDGEMENT);
    assertThat(ack.acknowledgementResponse())
        .hasValueSatisfying(
            response -> {
              assertThat(response.code()).isEqualTo("ok");
              assertThat(response.identifier()).isEqualTo(sent.messageHeaderId());
            });
    // Sent on behalf of the receiver, to the sender's endpoint (MedCom §4) — of the first letter
    // with this id, since a
    // duplicate gets the first answer again (MedCom's test scripts reuse letter ids across
    // senders).
    MedcomMessage first = FIRST_WITH_LETTER_ID.computeIfAbsent(sent.messageHeaderId(), id -> sent);
    assertThat(ack.primaryReceiver().orElseThrow().endpoint()).isEqualTo(first.sourceEndpoint());
    assertThat(ack.sender().orElseThrow().gln())
        .isEqualTo(first.primaryReceiver().orElseThrow().receiver().gln());
  }

  @Test
  void theExampleBuiltToFailGetsFatalErrorNamingEachError() {
    String body = MedcomExamples.read(MedcomExamples.hospitalNotification("TEK_FCC"));

    Response response =
        given()
            .auth()
            .oauth2(MedcomSenders.tokenOf(body))
            .contentType("application/fhir+json; charset=UTF-8")
            .body(body)
            .when()
            .post("/fhir/$process-message")
            .then()
            .statusCode(422)
            .extract()
            .response();
    MedcomMessage ack = new MedcomMessage(CODEC.parse(response.asString(), MedcomFormat.JSON));

    assertThat(ack.acknowledgementResponse().orElseThrow().code()).isEqualTo("fatal-error");
    OperationOutcome outcome =
        ack.bundle().getEntry().stream()
            .map(e -> e.getResource())
            .filter(OperationOutcome.class::isInstance)
            .map(OperationOutcome.class::cast)
            .findFirst()
            .orElseThrow();
    List<String> paths =
        outcome.getIssue().stream()
            .flatMap(issue -> issue.getExpression().stream().map(e -> e.getValue()))
            .toList();
    assertThat(paths).anySatisfy(path -> assertThat(path).containsIgnoringCase("event"));
    assertThat(paths).anySatisfy(path -> assertThat(path).contains("Encounter").contains("class"));
    assertThat(response.getHeader("X-Stafet-Quarantine-Id")).isNotBlank();
  }

  @Test
  void theDuplicateIsAcknowledgedWithoutASecondEvent() throws Exception {
    Path original = MedcomExamples.hospitalNotification("STIN_A");
    Path duplicate = MedcomExamples.hospitalNotification("TEK_DUB");
    String headerId =
        new MedcomMessage(CODEC.parse(MedcomExamples.read(original), MedcomFormat.JSON))
            .messageHeaderId();

    MedcomMessage first =
        post(MedcomExamples.read(original), "application/fhir+json; charset=UTF-8", 200);
    int admissionsBefore = eventsCausedBy(headerId, "dk.stafet.course.admission-started");
    MedcomMessage second =
        post(MedcomExamples.read(duplicate), "application/fhir+json; charset=UTF-8", 200);

    assertThat(second.acknowledgementResponse().orElseThrow().code()).isEqualTo("ok");
    assertThat(second.acknowledgementResponse().orElseThrow().identifier()).isEqualTo(headerId);
    // The same answer as the first time, in a new envelope (MedCom §5).
    assertThat(second.messageHeaderId()).isEqualTo(first.messageHeaderId());
    assertThat(second.bundleId()).isNotEqualTo(first.bundleId());
    // The letter admitted the patient once (whichever test sent it first); its duplicate added
    // nothing.
    assertThat(admissionsBefore).isEqualTo(1);
    assertThat(eventsCausedBy(headerId, "dk.stafet.course.admission-started"))
        .isEqualTo(admissionsBefore);
    assertThat(timesReceived(headerId)).isGreaterThanOrEqualTo(2);
  }

  private MedcomMessage post(String body, String contentType, int expectedStatus) {
    String answer =
        given()
            .auth()
            .oauth2(MedcomSenders.tokenOf(body))
            .contentType(contentType)
            .accept("application/fhir+json")
            .body(body)
            .when()
            .post("/fhir/$process-message")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(expectedStatus)
            .extract()
            .asString();
    return new MedcomMessage(CODEC.parse(answer, MedcomFormat.JSON));
  }

  private int eventsCausedBy(String messageHeaderId, String eventType) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?")) {
      query.setString(1, eventType);
      query.setString(2, "%\"sourceMessageId\":\"" + messageHeaderId + "\"%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private int timesReceived(String messageHeaderId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT times_received FROM received_message WHERE message_header_id = ?")) {
      query.setString(1, messageHeaderId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
