package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import dk.stafet.contracts.medcom.ValidationCorpus.Input;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Trimming the definitions (no narratives, no mappings, one instance of each text: {@link
 * ValidationOnlyDefinitions}) must not change a single finding of HAPI's validator: a validator on
 * trimmed definitions and one on HAPI's definitions as they ship give the same issues for every
 * MedCom example and a mutated corpus.
 *
 * <p>HAPI keeps its core definitions once per JVM, so the test validates with the trimmed ones
 * first, then has HAPI load them afresh and validates again without trimming; it checks both times
 * which kind it really had. Afterwards it trims the fresh ones, as every validator in a service
 * would.
 */
class TrimmedDefinitionsEquivalenceTest {

  private static final String PATIENT = "http://hl7.org/fhir/StructureDefinition/Patient";

  private final MedcomCodec codec = new MedcomCodec();

  @Test
  void trimmedDefinitionsGiveExactlyTheFindingsOfTheFullOnes() {
    List<Input> corpus = ValidationCorpus.examplesAndMutants(3, 17);

    MedcomValidator trimmed = validator(true);
    assertThat(corePatient().getSnapshot().getElementFirstRep().hasMapping()).isFalse();
    Map<String, String> trimmedFindings = findings(trimmed, corpus);

    new DefaultProfileValidationSupport(codec.fhirContext()).flush();
    MedcomValidator full = validator(false);
    assertThat(corePatient().getSnapshot().getElementFirstRep().hasMapping()).isTrue();
    Map<String, String> fullFindings = findings(full, corpus);

    List<String> differences = new ArrayList<>();
    for (Input input : corpus) {
      String expected = fullFindings.get(input.name());
      String actual = trimmedFindings.get(input.name());
      if (!expected.equals(actual)) {
        differences.add(input.name() + "\n  full:    " + expected + "\n  trimmed: " + actual);
      }
    }
    assertThat(differences).isEmpty();
    // The corpus holds accepted and rejected messages, so both kinds of answer were compared.
    assertThat(fullFindings.values())
        .anyMatch(issues -> issues.contains("ERROR"))
        .anyMatch(issues -> !issues.contains("ERROR"));
    System.out.printf(
        "trimmed definitions: the same findings as the full ones over %d inputs%n", corpus.size());
  }

  @AfterAll
  static void trimAgainForLaterTests() {
    ValidationOnlyDefinitions.trimmedCore(
        new DefaultProfileValidationSupport(new MedcomCodec().fhirContext()), new HashMap<>());
  }

  private MedcomValidator validator(boolean trimDefinitions) {
    return new MedcomValidator(
        codec,
        MedcomExamples.profilesDir(),
        MedcomValidator.DEFAULT_MAX_USES_PER_INSTANCE_VALIDATOR,
        trimDefinitions);
  }

  private StructureDefinition corePatient() {
    return (StructureDefinition)
        new DefaultProfileValidationSupport(codec.fhirContext()).fetchStructureDefinition(PATIENT);
  }

  private static Map<String, String> findings(MedcomValidator validator, List<Input> corpus) {
    Map<String, String> findings = new LinkedHashMap<>();
    for (Input input : corpus) {
      // Every field of every issue, in order.
      findings.put(input.name(), validator.validate(input.text(), input.contentType()).toString());
    }
    return findings;
  }
}
