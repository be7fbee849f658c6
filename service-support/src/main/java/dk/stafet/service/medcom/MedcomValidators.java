package dk.stafet.service.medcom;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import io.quarkus.logging.Log;
import java.nio.file.Path;

/** Builds a service's one MedCom validator from its {@link MedcomProfiles} settings. */
public final class MedcomValidators {

  private MedcomValidators() {}

  /**
   * @param requiredSetting the full name of the service's {@code profiles-required} setting, for
   *     the message that stops a production service without its profiles
   * @throws IllegalStateException if the profiles are required but missing
   */
  public static MedcomValidator create(
      MedcomCodec codec, MedcomProfiles profiles, String requiredSetting) {
    Path folder = profiles.profilesDir().map(Path::of).map(Path::toAbsolutePath).orElse(null);
    MedcomValidator validator = new MedcomValidator(codec, folder);
    if (profiles.profilesRequired() && !validator.isProfileValidationEnabled()) {
      throw new IllegalStateException(
          "MedCom profiles are required ("
              + requiredSetting
              + ") but "
              + validator.profileValidationStatus()
              + ": mount them and set STAFET_SHARED_DIR (deploy/README.md)");
    }
    Log.infof("MedCom validation: %s", validator.profileValidationStatus());
    return validator;
  }
}
