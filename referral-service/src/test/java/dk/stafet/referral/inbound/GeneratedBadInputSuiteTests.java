package dk.stafet.referral.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.contracts.medcom.MedcomMutants;
import dk.stafet.contracts.medcom.MedcomMutants.Mutant;
import dk.stafet.contracts.medcom.MedcomMutants.MutationClass;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import dk.stafet.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated bad-input suite by class (issue 13): mutations of MedCom's examples (a
 * HospitalNotification and a CareCommunication), each sent as a new letter through {@code
 * $process-message}. Every mutant gets either {@code ok} (the change left it valid) or a rejection
 * naming where the problem is: a {@code fatal-error} acknowledgement whose OperationOutcome has an
 * expression, or an OperationOutcome for input too broken to identify. Never a 5xx; every rejected
 * mutant is in the quarantine. Counts per class are printed.
 */
@QuarkusTest
@WithTestResource(KafkaKraftResource.class)
@WithTestResource(PostgresResource.class)
class GeneratedBadInputSuiteTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COORDINATOR = "999999000901001";
  private static final int MUTANTS_PER_CLASS = 3;

  /**
   * Classes FHIR or Stafet's strict reading always refuses, wherever in the message they strike.
   */
  private static final Set<MutationClass> ALWAYS_REFUSED =
      EnumSet.of(
          MutationClass.UNKNOWN_PROPERTY,
          MutationClass.SINGLE_TO_LIST,
          MutationClass.LIST_TO_SINGLE,
          MutationClass.CONTROL_CHARACTER,
          MutationClass.IMPLAUSIBLE_DATE);

  @Test
  void everyMutantIsAcceptedOrRefusedWithAPathAndEveryRefusalIsQuarantined() throws Exception {
    List<Mutant> mutants = new ArrayList<>();
    Path careCommunication =
        MedcomExamples.validHospitalNotificationsAndCareCommunications().stream()
            .filter(
                file ->
                    file.toString().contains("carecommunication")
                        && file.toString().endsWith(".json"))
            .findFirst()
            .orElseThrow();
    for (Path source : List.of(MedcomExamples.hospitalNotification("STIN_A"), careCommunication)) {
      mutants.addAll(
          MedcomMutants.of(
              source.getFileName().toString(), MedcomExamples.read(source), MUTANTS_PER_CLASS, 13));
    }
    long quarantinedBefore = quarantineTotal();

    Map<MutationClass, int[]> counts =
        new EnumMap<>(MutationClass.class); // ok, fatal-error, unreadable
    List<String> wrong = new ArrayList<>();
    long rejected = 0;
    for (Mutant mutant : mutants) {
      String letter = asNewLetter(mutant.json());
      // The sender presents its token: the Bundle's own sender's where it still names one (the
      // examples' otherwise).
      Response response =
          given()
              .auth()
              .oauth2(MedcomSenders.tokenOf(letter))
              .body(letter)
              .contentType("application/fhir+json; charset=UTF-8")
              .when()
              .post("/fhir/$process-message")
              .then()
              .extract()
              .response();
      int status = response.statusCode();
      String answer = response.asString();
      int[] count = counts.computeIfAbsent(mutant.mutationClass(), c -> new int[3]);
      if (status == 200 && answer.contains("\"code\":\"ok\"")) {
        count[0]++;
        if (ALWAYS_REFUSED.contains(mutant.mutationClass())) {
          wrong.add(mutant.name() + ": accepted, but this class must be refused");
        }
        continue;
      }
      rejected++;
      if (status == 422 && answer.contains("fatal-error")) {
        count[1]++;
        if (!hasErrorWithExpression(answer)) {
          wrong.add(mutant.name() + ": fatal-error without an error naming a path");
        }
      } else if (status == 400 || status == 413) {
        count[2]++;
        if (!answer.contains("OperationOutcome") || !answer.contains("diagnostics")) {
          wrong.add(
              mutant.name() + ": " + status + " without an OperationOutcome naming the problem");
        }
      } else {
        wrong.add(mutant.name() + ": HTTP " + status);
        continue;
      }
      if (response.getHeader("X-Stafet-Quarantine-Id") == null) {
        wrong.add(mutant.name() + ": not quarantined");
      }
    }

    System.out.printf(
        "generated bad-input suite: %d mutants%n  %-20s %5s %12s %11s%n",
        mutants.size(), "class", "ok", "fatal-error", "unreadable");
    counts.forEach(
        (mutationClass, count) ->
            System.out.printf(
                "  %-20s %5d %12d %11d%n", mutationClass, count[0], count[1], count[2]));
    assertThat(wrong).isEmpty();
    assertThat(counts.keySet()).containsAll(ALWAYS_REFUSED);
    assertThat(quarantineTotal() - quarantinedBefore).isEqualTo(rejected);
    given().when().get("/q/health/ready").then().statusCode(200);
  }

  /**
   * The mutant as a letter of its own: new Bundle.id and MessageHeader.id wherever the mutation
   * left them.
   */
  private static String asNewLetter(String json) throws Exception {
    JsonNode bundle = JSON.readTree(json);
    String text = json;
    if (bundle.path("id").isTextual() && !bundle.path("id").asText().isEmpty()) {
      text =
          text.replace("\"" + bundle.path("id").asText() + "\"", "\"" + UUID.randomUUID() + "\"");
    }
    JsonNode header = bundle.path("entry").path(0).path("resource");
    if (header.path("id").isTextual() && !header.path("id").asText().isEmpty()) {
      // Also in the MessageHeader's fullUrl and the Provenance target that name it.
      text = text.replace(header.path("id").asText(), UUID.randomUUID().toString());
    }
    for (JsonNode entry : bundle.path("entry")) {
      for (JsonNode episode : entry.path("resource").path("episodeOfCare")) {
        String value = episode.path("identifier").path("value").asText("");
        if (!value.isEmpty()) {
          text = text.replace(value, UUID.randomUUID().toString());
        }
      }
    }
    return text;
  }

  private static boolean hasErrorWithExpression(String acknowledgement) throws Exception {
    for (JsonNode entry : JSON.readTree(acknowledgement).path("entry")) {
      for (JsonNode issue : entry.path("resource").path("issue")) {
        if (List.of("error", "fatal").contains(issue.path("severity").asText())
            && issue.path("expression").size() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static long quarantineTotal() {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(COORDINATOR))
        .when()
        .get("/api/quarantine?limit=1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }
}
