package dk.stafet.notification.fhir;

import static dk.stafet.notification.support.Organisations.GP;
import static dk.stafet.notification.support.Organisations.HOSPITAL;
import static dk.stafet.notification.support.Organisations.OTHER_GP;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.medcom.MedcomSystems;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.notification.delivery.DeliveryState;
import dk.stafet.notification.delivery.rest.DeliveryOperations;
import dk.stafet.notification.delivery.rest.DeliveryView;
import dk.stafet.notification.support.Deliveries;
import dk.stafet.notification.support.TestEvents;
import dk.stafet.service.fhir.FhirReferences;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.fhir.BaseR4;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messages Stafet sent, read as FHIR Communications (issue 13 item 6): the letter a
 * responsibility change sends to the GP, field by field against its delivery record, parsed by HAPI
 * and valid base R4; and the base's CapabilityStatement.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class SentMessagesFhirTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static KafkaTestClient kafka;

  @Inject DeliveryOperations operations;
  @Inject OrganisationRegistry registry;

  @BeforeAll
  static void connect() {
    kafka = KafkaTestClient.create();
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
  }

  @Test
  void aSentLetterIsACommunicationWithItsRecipientTypeTimeAndDeliveryState() {
    String key = TestEvents.newPatientKey();
    TestEvents.publish(
        kafka,
        TestEvents.responsibility(
            ResponsibilityEventType.RESPONSIBILITY_CHANGED, key, GP.sor(), HOSPITAL.sor()));
    String letterId = new Deliveries(operations, kafka).awaitOne(key).messageHeaderId();
    // The letter is retransmitted while unacknowledged: compare with its record as it stood
    // throughout the read (unchanged before and after it).
    DeliveryView letter;
    String json;
    int reads = 0;
    do {
      letter = operations.get(letterId).orElseThrow();
      json = search(GP.sor(), key);
      reads++;
    } while (!letter.equals(operations.get(letterId).orElseThrow()) && reads < 10);
    assertThat(letter.lastSentAt()).as("transmitted").isNotNull();
    assertThat(BaseR4.errors(json)).isEmpty();
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
    assertThat(bundle.getTotal()).isEqualTo(1);
    Communication sent = (Communication) bundle.getEntryFirstRep().getResource();
    assertThat(sent.getIdElement().getIdPart()).isEqualTo(letter.messageHeaderId());
    assertThat(sent.getIdentifierFirstRep().getValue()).isEqualTo(letter.messageHeaderId());
    assertThat(sent.getCategoryFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(MedcomSystems.EVENT_CODES);
    assertThat(sent.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("care-communication-message");
    assertThat(sent.getTopic().getText()).isEqualTo(letter.eventCode());
    assertThat(sent.getSubject().getIdentifier().getSystem())
        .isEqualTo(FhirReferences.PATIENT_KEY_SYSTEM);
    assertThat(sent.getSubject().getIdentifier().getValue()).isEqualTo(key);
    Reference recipient = sent.getRecipientFirstRep();
    assertThat(recipient.getIdentifier().getSystem()).isEqualTo(MedcomSystems.SOR);
    assertThat(recipient.getIdentifier().getValue()).isEqualTo(GP.sor());
    assertThat(recipient.getDisplay())
        .isEqualTo(registry.bySor(GP.sor()).map(Organisation::name).orElse(null));
    assertThat(sent.getSender().getIdentifier().getSystem()).isEqualTo(MedcomSystems.GLN);
    assertThat(sent.getSender().getIdentifier().getValue()).isEqualTo(letter.senderGln());
    assertThat(sent.getSent().toInstant())
        .isEqualTo(letter.lastSentAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(sent.hasReceived()).isFalse();
    assertThat(sent.getPayloadFirstRep().getContentReference().getIdentifier().getValue())
        .isEqualTo(letter.lastBundleId());
    // The GP does not acknowledge in the test profile: the letter waits for its acknowledgement,
    // or is a dead letter once its retransmissions are spent.
    assertThat(sent.getStatus())
        .isEqualTo(
            letter.state() == DeliveryState.SENT
                ? Communication.CommunicationStatus.INPROGRESS
                : Communication.CommunicationStatus.STOPPED);
    assertThat(sent.getNote().isEmpty()).isEqualTo(letter.attempts() == 1);

    // Not a party to the letter: an empty searchset; without a patient: 400; without a token: 401.
    Bundle hidden = FHIR.newJsonParser().parseResource(Bundle.class, search(OTHER_GP.sor(), key));
    assertThat(hidden.getTotal()).isZero();
    given()
        .auth()
        .oauth2(TestTokens.forOrganisation(GP.sor()))
        .get("/fhir/Communication")
        .then()
        .statusCode(400)
        .contentType("application/fhir+json");
    given().get("/fhir/Communication?patient=" + key).then().statusCode(401);
  }

  @Test
  void theCapabilityStatementIsPublicValidR4AndListsTheSearchOnly() {
    String json = given().get("/fhir/metadata").then().statusCode(200).extract().asString();
    assertThat(BaseR4.errors(json)).isEmpty();
    CapabilityStatement statement =
        FHIR.newJsonParser().parseResource(CapabilityStatement.class, json);
    assertThat(statement.getRestFirstRep().getResource())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getType()).isEqualTo("Communication");
              assertThat(r.getInteraction())
                  .extracting(i -> i.getCode().toCode())
                  .containsExactly("search-type");
              assertThat(r.getSearchParam())
                  .extracting(p -> p.getName())
                  .containsExactly("patient");
            });
    assertThat(statement.getMessaging()).isEmpty();
  }

  private static String search(String sor, String key) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(sor))
        .get("/fhir/Communication?patient=" + key)
        .then()
        .statusCode(200)
        .contentType("application/fhir+json")
        .extract()
        .asString();
  }
}
