package dk.stafet.referral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.medcom.MedcomCodec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Production refuses to run without MedCom's profiles instead of quietly validating against base
 * FHIR only.
 */
class MedcomProducersTest {

  @Test
  void withProfilesRequiredAMissingProfilesFolderStopsTheService() {
    assertThatThrownBy(
            () ->
                new MedcomProducers()
                    .validator(new MedcomCodec(), config("/nonexistent/medcom", true)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MedCom profiles are required")
        .hasMessageContaining("/nonexistent/medcom");
  }

  @Test
  void withoutTheRequirementTheServiceRunsTheBaseLayersAndSaysSo() {
    assertThat(
            new MedcomProducers()
                .validator(new MedcomCodec(), config("/nonexistent/medcom", false))
                .isProfileValidationEnabled())
        .isFalse();
  }

  private static FrontDoorConfig config(String profilesDir, boolean required) {
    FrontDoorConfig.Medcom medcom =
        new FrontDoorConfig.Medcom() {
          @Override
          public Optional<String> profilesDir() {
            return Optional.of(profilesDir);
          }

          @Override
          public boolean profilesRequired() {
            return required;
          }
        };
    return new FrontDoorConfig() {
      @Override
      public Limits limits() {
        return null;
      }

      @Override
      public Medcom medcom() {
        return medcom;
      }

      @Override
      public Hub hub() {
        return null;
      }
    };
  }
}
