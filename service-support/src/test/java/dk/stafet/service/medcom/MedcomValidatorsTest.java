package dk.stafet.service.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.medcom.MedcomCodec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Production refuses to run without MedCom's profiles instead of quietly validating against base
 * FHIR only — the front door's and notification-service's validators alike.
 */
class MedcomValidatorsTest {

  @Test
  void withProfilesRequiredAMissingProfilesFolderStopsTheService() {
    assertThatThrownBy(
            () ->
                MedcomValidators.create(
                    new MedcomCodec(),
                    profiles("/nonexistent/medcom", true),
                    "x.profiles-required"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MedCom profiles are required (x.profiles-required)")
        .hasMessageContaining("/nonexistent/medcom");
  }

  @Test
  void withoutTheRequirementTheServiceRunsTheBaseLayersAndSaysSo() {
    assertThat(
            MedcomValidators.create(
                    new MedcomCodec(),
                    profiles("/nonexistent/medcom", false),
                    "x.profiles-required")
                .isProfileValidationEnabled())
        .isFalse();
  }

  private static MedcomProfiles profiles(String folder, boolean required) {
    return new MedcomProfiles() {
      @Override
      public Optional<String> profilesDir() {
        return Optional.of(folder);
      }

      @Override
      public boolean profilesRequired() {
        return required;
      }

      @Override
      public boolean fastPathEnabled() {
        return true;
      }

      @Override
      public double fastPathSampleShare() {
        return 0.01;
      }
    };
  }
}
