package dk.stafet.referral.fhir;

import static dk.stafet.referral.course.rest.TestData.DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.GP;
import static dk.stafet.referral.course.rest.TestData.OTHER_DEPARTMENT;
import static dk.stafet.referral.course.rest.TestData.OTHER_GP;
import static dk.stafet.referral.course.rest.TestData.newCpr;
import static dk.stafet.referral.course.rest.TestData.referral;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomSystems;
import dk.stafet.contracts.pseudonym.PatientPseudonym;
import dk.stafet.contracts.registry.Organisation;
import dk.stafet.contracts.registry.OrganisationRegistry;
import dk.stafet.referral.inbound.MedcomExamples;
import dk.stafet.referral.inbound.MedcomSenders;
import dk.stafet.service.audit.AuditEntry;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.fhir.BaseR4;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * The FHIR reads of referral-service (issue 13 item 6): its CapabilityStatement, referrals as
 * ServiceRequests and received MedCom messages as Communications, each read back with HAPI's parser
 * and validated against base R4, with the data they came from.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class FhirReadsTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final OrganisationRegistry REGISTRY = OrganisationRegistry.standard();

  @Inject PatientPseudonym pseudonym;

  @Test
  void theCapabilityStatementIsPublicValidR4AndSaysExactlyWhatTheFrontDoorServes() {
    String json =
        given()
            .get("/fhir/metadata")
            .then()
            .statusCode(200)
            .contentType("application/fhir+json")
            .extract()
            .asString();
    assertThat(BaseR4.errors(json)).isEmpty();
    CapabilityStatement statement =
        FHIR.newJsonParser().parseResource(CapabilityStatement.class, json);
    assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(statement.getFormat())
        .extracting(f -> f.getValue())
        .containsExactly("application/fhir+json", "application/fhir+xml");
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
    assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("OAuth");
    assertThat(rest.getResource())
        .extracting(CapabilityStatementRestResourceComponent::getType)
        .containsExactly("ServiceRequest", "Communication");
    assertThat(interactions(rest.getResource().get(0))).containsExactly("read", "search-type");
    assertThat(interactions(rest.getResource().get(1))).containsExactly("read", "search-type");
    assertThat(rest.getResource())
        .allSatisfy(
            r ->
                assertThat(r.getSearchParam())
                    .extracting(p -> p.getName())
                    .containsExactly("patient"));
    assertThat(rest.getOperation()).extracting(o -> o.getName()).containsExactly("process-message");
    CapabilityStatement.CapabilityStatementMessagingComponent messaging =
        statement.getMessagingFirstRep();
    assertThat(messaging.getEndpointFirstRep().getAddress()).endsWith("/fhir/$process-message");
    assertThat(messaging.getSupportedMessage())
        .extracting(m -> m.getMode().toCode() + " " + m.getDefinition())
        .containsExactly(
            "receiver "
                + "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition",
            "receiver "
                + "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComAcknowledgementMessageDefinition");
    assertThat(messaging.getDocumentation()).contains("medcom-hospitalNotification-message");
  }

  @Test
  void aReferralIsAServiceRequestWithItsOwnFieldsAndItsStateFollows() {
    String cpr = newCpr();
    String key = pseudonym.of(cpr);
    String id =
        post(DEPARTMENT, "/api/referrals", referral(cpr)).statusCode(201).extract().path("id");
    Instant receivedAt =
        Instant.parse(get(DEPARTMENT, "/api/referrals/" + id).extract().path("receivedAt"));

    String json =
        fhir(DEPARTMENT, "/fhir/ServiceRequest/" + id).statusCode(200).extract().asString();
    assertThat(BaseR4.errors(json)).isEmpty();
    ServiceRequest request = FHIR.newJsonParser().parseResource(ServiceRequest.class, json);
    assertThat(request.getIdElement().getIdPart()).isEqualTo(id);
    assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(request.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("3457005");
    // TestData's referral is a cancer pathway (W1): urgent; its condition code is the reason.
    assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
    assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("DC50");
    assertThat(request.getAuthoredOn().toInstant())
        .isEqualTo(receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(request.getSubject().getIdentifier().getSystem()).isEqualTo(MedcomSystems.CPR);
    assertThat(request.getSubject().getIdentifier().getValue()).isEqualTo(cpr);
    assertOrganisation(request.getRequester(), GP);
    assertThat(request.getPerformer()).hasSize(1);
    assertOrganisation(request.getPerformerFirstRep(), DEPARTMENT);
    assertThat(request.getNote()).isEmpty();

    // Forwarded, then rejected by the new receiver: performer and status follow, reasons are noted.
    post(
            DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of(
                "decision", "FORWARDED", "forwardedToSor", OTHER_DEPARTMENT, "reason", "capacity"))
        .statusCode(200);
    ServiceRequest forwarded = serviceRequest(OTHER_DEPARTMENT, id);
    assertThat(forwarded.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertOrganisation(forwarded.getPerformerFirstRep(), OTHER_DEPARTMENT);
    assertThat(forwarded.getNoteFirstRep().getText())
        .isEqualTo("Forwarded by " + DEPARTMENT + " to " + OTHER_DEPARTMENT + ": capacity");
    post(
            OTHER_DEPARTMENT,
            "/api/referrals/" + id + "/visitation",
            Map.of("decision", "REJECTED", "reason", "not our speciality"))
        .statusCode(200);
    ServiceRequest rejected = serviceRequest(GP, id);
    assertThat(rejected.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    assertThat(rejected.getNote())
        .extracting(n -> n.getText())
        .containsExactly(
            "Forwarded by " + DEPARTMENT + " to " + OTHER_DEPARTMENT,
            "Rejected: not our speciality");

    // Search by pseudonym (also as a reference): the parties find it, an outsider finds nothing.
    Bundle found = bundle(GP, "/fhir/ServiceRequest?patient=Patient/" + key);
    assertThat(found.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(id);
    assertThat(found.getEntryFirstRep().getFullUrl()).endsWith("/fhir/ServiceRequest/" + id);
    assertThat(bundle(OTHER_GP, "/fhir/ServiceRequest?patient=" + key).getTotal()).isZero();
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("patientKey", key)))
        .extracting(e -> e.callerSor + " " + e.action + " " + e.outcome)
        .contains(
            DEPARTMENT + " FHIR_READ_SERVICE_REQUEST GRANTED",
            GP + " FHIR_SEARCH_SERVICE_REQUEST GRANTED",
            OTHER_GP + " FHIR_SEARCH_SERVICE_REQUEST DENIED");

    // Errors are OperationOutcomes: an outsider's read is a 404 like an unknown id's.
    assertThat(
            outcome(fhir(OTHER_GP, "/fhir/ServiceRequest/" + id).statusCode(404))
                .getIssueFirstRep()
                .getCode())
        .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    fhir(OTHER_GP, "/fhir/ServiceRequest/not-a-uuid").statusCode(404);
    assertThat(
            outcome(fhir(GP, "/fhir/ServiceRequest").statusCode(400))
                .getIssueFirstRep()
                .getDiagnostics())
        .contains("patient");
    given()
        .get("/fhir/ServiceRequest/" + id)
        .then()
        .statusCode(401)
        .contentType("application/fhir+json");
  }

  @Test
  void aReceivedMedcomMessageIsACommunicationNamingItsPartiesTypeAndTimeButNotItsContent() {
    String body =
        MedcomExamples.withNewIds(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")));
    MedcomMessage sent = new MedcomMessage(new MedcomCodec().parse(body, "application/fhir+json"));
    Instant before = Instant.now();
    given()
        .auth()
        .oauth2(MedcomSenders.tokenOf(body))
        .contentType("application/fhir+json")
        .body(body)
        .post("/fhir/$process-message")
        .then()
        .statusCode(200);
    String cpr = sent.patient().orElseThrow().cprValue().orElseThrow();
    String senderSor = sent.sender().orElseThrow().sorCode().orElseThrow();
    String receiverSor = sent.primaryReceiver().orElseThrow().receiver().sorCode().orElseThrow();

    String json =
        fhir(senderSor, "/fhir/Communication?patient=" + pseudonym.of(cpr))
            .statusCode(200)
            .extract()
            .asString();
    assertThat(BaseR4.errors(json)).isEmpty();
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
    List<Communication> ours =
        bundle.getEntry().stream()
            .map(e -> (Communication) e.getResource())
            .filter(c -> c.getIdentifierFirstRep().getValue().equals(sent.messageHeaderId()))
            .toList();
    assertThat(ours).hasSize(1);
    Communication communication = ours.get(0);
    assertThat(communication.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
    assertThat(communication.getCategoryFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(MedcomSystems.EVENT_CODES);
    assertThat(communication.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("hospital-notification-message");
    assertThat(communication.getSubject().getIdentifier().getValue()).isEqualTo(cpr);
    assertOrganisation(communication.getSender(), senderSor);
    assertThat(communication.getRecipient()).hasSize(1);
    assertOrganisation(communication.getRecipientFirstRep(), receiverSor);
    assertThat(communication.getReceived().toInstant())
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(communication.hasSent()).isFalse(); // not recorded: not invented
    Reference payload = communication.getPayloadFirstRep().getContentReference();
    assertThat(payload.getType()).isEqualTo("Bundle");
    assertThat(payload.getIdentifier().getValue()).isEqualTo(sent.bundleId());
    // Metadata only, as in the JSON API: nothing of the message's content.
    assertThat(json).doesNotContain("Elmer");

    // An organisation party to nothing of the patient's sees nothing.
    assertThat(bundle(OTHER_GP, "/fhir/Communication?patient=" + pseudonym.of(cpr)).getTotal())
        .isZero();
  }

  private static void assertOrganisation(Reference reference, String sor) {
    assertThat(reference.getType()).isEqualTo("Organization");
    assertThat(reference.getIdentifier().getSystem()).isEqualTo(MedcomSystems.SOR);
    assertThat(reference.getIdentifier().getValue()).isEqualTo(sor);
    assertThat(reference.getDisplay())
        .isEqualTo(REGISTRY.bySor(sor).map(Organisation::name).orElse(null));
  }

  private static List<String> interactions(CapabilityStatementRestResourceComponent r) {
    return r.getInteraction().stream().map(i -> i.getCode().toCode()).toList();
  }

  private static ServiceRequest serviceRequest(String caller, String id) {
    String json = fhir(caller, "/fhir/ServiceRequest/" + id).statusCode(200).extract().asString();
    assertThat(BaseR4.errors(json)).isEmpty();
    return FHIR.newJsonParser().parseResource(ServiceRequest.class, json);
  }

  private static Bundle bundle(String caller, String path) {
    return FHIR.newJsonParser()
        .parseResource(Bundle.class, fhir(caller, path).statusCode(200).extract().asString());
  }

  private static OperationOutcome outcome(ValidatableResponse response) {
    return FHIR.newJsonParser()
        .parseResource(
            OperationOutcome.class,
            response.contentType("application/fhir+json").extract().asString());
  }

  private static ValidatableResponse fhir(String caller, String path) {
    return given().auth().oauth2(TestTokens.forOrganisation(caller)).get(path).then();
  }

  private static ValidatableResponse get(String caller, String path) {
    return fhir(caller, path).statusCode(200);
  }

  private static ValidatableResponse post(String caller, String path, Object body) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(caller))
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then();
  }
}
