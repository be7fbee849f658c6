package dk.stafet.responsibility.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import dk.stafet.testsupport.fhir.BaseR4;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** The FHIR base describes itself (public) and answers errors as OperationOutcomes. */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class FhirMetadataTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void theCapabilityStatementIsPublicValidR4AndListsExactlyTheReadsServed() {
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
    assertThat(statement.getKind()).isEqualTo(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    assertThat(statement.getFormat())
        .extracting(f -> f.getValue())
        .contains("application/fhir+json");
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
    assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("OAuth");
    assertThat(rest.getSecurity().getDescription()).contains("Bearer").contains("Not SMART");
    assertThat(rest.getResource())
        .extracting(CapabilityStatementRestResourceComponent::getType)
        .containsExactly("EpisodeOfCare", "CareTeam", "CarePlan");
    assertThat(interactions(rest.getResource().get(0))).containsExactly("read", "search-type");
    assertThat(rest.getResource().get(0).getSearchParam())
        .extracting(p -> p.getName())
        .containsExactly("patient-key");
    assertThat(interactions(rest.getResource().get(1))).containsExactly("read");
    assertThat(rest.getResource().get(1).getSearchParam()).isEmpty();
    assertThat(interactions(rest.getResource().get(2))).containsExactly("read", "search-type");
    assertThat(rest.getResource().get(2).getSearchParam())
        .extracting(p -> p.getName())
        .containsExactly("patient");

    // What it says is served is served: a read of an unknown patient is a FHIR 404, a search
    // without its parameter a FHIR 400.
    String token = TestTokens.forOrganisation(TestTokens.COORDINATOR_SOR);
    OperationOutcome notFound =
        outcome(
            given()
                .auth()
                .oauth2(token)
                .get("/fhir/EpisodeOfCare/nobody")
                .then()
                .statusCode(404)
                .contentType("application/fhir+json")
                .extract()
                .asString());
    assertThat(notFound.getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    OperationOutcome missing =
        outcome(
            given()
                .auth()
                .oauth2(token)
                .get("/fhir/EpisodeOfCare")
                .then()
                .statusCode(400)
                .extract()
                .asString());
    assertThat(missing.getIssueFirstRep().getDiagnostics()).contains("patient-key");
    given()
        .get("/fhir/CareTeam/nobody")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer");
  }

  private static java.util.List<String> interactions(CapabilityStatementRestResourceComponent r) {
    return r.getInteraction().stream().map(i -> i.getCode().toCode()).toList();
  }

  private static OperationOutcome outcome(String json) {
    return FHIR.newJsonParser().parseResource(OperationOutcome.class, json);
  }
}
