package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MedcomValidatorTest {

  static Stream<Path> everyExampleMedcomExpectsToBeAccepted() {
    return MedcomExamples.allExampleFiles().stream()
        .filter(
            file -> !file.getFileName().toString().equals("HospitalNotification_Ex_TEK_FCC.json"));
  }

  @ParameterizedTest
  @MethodSource("everyExampleMedcomExpectsToBeAccepted")
  void acceptsEveryExampleExceptTheDeliberatelyBrokenOne(Path file) {
    List<MedcomIssue> issues =
        SharedValidator.get()
            .validate(MedcomExamples.read(file), MedcomExamples.contentTypeOf(file));

    assertThat(issues).filteredOn(MedcomIssue::isError).isEmpty();
  }

  @Test
  void rejectsTekFccNamingEventCodingAndEncounterClass() {
    List<MedcomIssue> errors =
        SharedValidator.get()
            .validate(
                MedcomExamples.read("HospitalNotification_Ex_TEK_FCC.json"),
                "application/fhir+json")
            .stream()
            .filter(MedcomIssue::isError)
            .toList();

    assertThat(errors)
        .extracting(MedcomIssue::path)
        .anyMatch(path -> path.endsWith("ofType(MessageHeader).eventCoding"))
        .anyMatch(path -> path.endsWith("ofType(Encounter).class"));
    assertThat(errors).allSatisfy(issue -> assertThat(issue.detailsCode()).isNotBlank());
  }

  @Test
  void toleratedFindingsStayVisibleAsWarnings() {
    List<MedcomIssue> issues =
        SharedValidator.get()
            .validate(
                MedcomExamples.read("HospitalNotification_Ex_TEK_ID_LPR3.json"),
                "application/fhir+json");

    assertThat(issues).filteredOn(MedcomIssue::isError).isEmpty();
    assertThat(issues).anyMatch(issue -> issue.diagnostics().contains("fullUrl"));
    assertThat(issues).anyMatch(issue -> issue.diagnostics().contains("uuidv5"));
  }

  @Test
  void aCareCommunicationWithPriorityOnAnOrdinaryCategoryBreaksInvariant5() {
    String body =
        MedcomExamples.read("Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c.json")
            .replaceFirst(
                "\"status\"\\s*:\\s*\"unknown\"",
                "\"status\" : \"unknown\", \"priority\" : \"asap\"");

    List<MedcomIssue> errors =
        SharedValidator.get().validate(body, "application/fhir+json").stream()
            .filter(MedcomIssue::isError)
            .toList();

    assertThat(errors)
        .anyMatch(issue -> issue.diagnostics().contains("medcom-careCommunication-5"));
  }

  @Test
  void unparsableTextIsOneFatalIssue() {
    List<MedcomIssue> issues =
        SharedValidator.get().validate("{\"resourceType\": ", "application/fhir+json");

    assertThat(issues)
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.severity()).isEqualTo(MedcomIssue.Severity.FATAL);
              assertThat(issue.detailsCode()).isEqualTo("MSG_BAD_SYNTAX");
            });
  }

  @Test
  void withoutProfilesOnlyTheBaseLayersRun() {
    MedcomValidator baseOnly =
        new MedcomValidator(new MedcomCodec(), Path.of("/nonexistent/medcom-profiles"));

    assertThat(baseOnly.isProfileValidationEnabled()).isFalse();
    assertThat(baseOnly.profileValidationStatus()).startsWith("profile validation disabled");
    assertThat(baseOnly.validate(MedcomExamples.read("HospitalNotification_Ex_STIN_A.json"), null))
        .filteredOn(MedcomIssue::isError)
        .isEmpty();
    assertThat(baseOnly.validate(MedcomExamples.read("HospitalNotification_Ex_TEK_FCC.json"), null))
        .filteredOn(MedcomIssue::isError)
        .isNotEmpty();
  }

  @Test
  void diagnosticsNeverCarryACprNumber() {
    String body =
        MedcomExamples.read("HospitalNotification_Ex_STIN_A.json")
            .replace("\"value\" : \"2509479989\"", "\"value\" : \"2509479989x\"");

    assertThat(SharedValidator.get().validate(body, null))
        .allSatisfy(
            issue -> assertThat(String.valueOf(issue.diagnostics())).doesNotContain("2509479989"));
  }
}
