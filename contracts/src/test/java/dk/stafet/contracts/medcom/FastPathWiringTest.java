package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link MedcomValidator} with the compiled fast path on: a valid message it accepts is answered
 * without HAPI (and sampled for HAPI's re-check), an invalid one gets HAPI's findings.
 */
class FastPathWiringTest {

  private static final String VALID = "HospitalNotification_Ex_STIN_A.json";

  @Test
  void anAcceptedMessageIsAnsweredWithoutHapiAndSampledForItsRecheck() {
    MedcomValidator validator =
        new MedcomValidator(new MedcomCodec(), MedcomExamples.profilesDir());
    AtomicInteger sampled = new AtomicInteger();
    List<String> disagreements = new ArrayList<>();
    validator.configureFastPath(
        new FastPathSettings(
            true,
            1.0,
            task -> {
              sampled.incrementAndGet();
              task.run();
            },
            (type, paths) -> disagreements.add(type + " " + paths)));

    List<MedcomIssue> issues =
        validator.validate(MedcomExamples.read(VALID), "application/fhir+json");

    assertThat(issues).isEmpty();
    assertThat(validator.fastPathAccepted()).isEqualTo(1);
    assertThat(sampled).hasValue(1);
    assertThat(disagreements).isEmpty(); // HAPI agrees on the sampled message
  }

  @Test
  void aMessageTheFastPathDoesNotAcceptGetsHapisFindings() {
    MedcomValidator validator =
        new MedcomValidator(new MedcomCodec(), MedcomExamples.profilesDir());
    validator.configureFastPath(new FastPathSettings(true, 0, Runnable::run, (type, paths) -> {}));
    String withoutEncounterStatus =
        MedcomExamples.read(VALID).replaceFirst("\"status\"\\s*:\\s*\"in-progress\"\\s*,", "");

    List<MedcomIssue> issues = validator.validate(withoutEncounterStatus, "application/fhir+json");

    assertThat(MedcomValidator.hasErrors(issues)).isTrue();
    assertThat(issues).anyMatch(issue -> issue.path().contains("status"));
    assertThat(validator.fastPathAccepted()).isZero();
    assertThat(validator.fastPathDeferred()).isEqualTo(1);
  }
}
