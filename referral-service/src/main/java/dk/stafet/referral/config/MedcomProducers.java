package dk.stafet.referral.config;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.contracts.medcom.MessageContentRules;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One codec and one validator per service: both are expensive to build and safe to share. {@link
 * ValidatorWarmUp} warms the validator up at start-up.
 */
@ApplicationScoped
public class MedcomProducers {

  @Produces
  @ApplicationScoped
  MedcomCodec codec() {
    return new MedcomCodec();
  }

  @Produces
  @ApplicationScoped
  MessageContentRules contentRules() {
    return new MessageContentRules(Clock.systemUTC());
  }

  @Produces
  @ApplicationScoped
  MedcomValidator validator(MedcomCodec codec, FrontDoorConfig config) {
    Path profiles =
        config.medcom().profilesDir().map(Path::of).map(Path::toAbsolutePath).orElse(null);
    MedcomValidator validator = new MedcomValidator(codec, profiles);
    if (config.medcom().profilesRequired() && !validator.isProfileValidationEnabled()) {
      throw new IllegalStateException(
          "MedCom profiles are required (stafet.front-door.medcom.profiles-required) but "
              + validator.profileValidationStatus()
              + ": mount them and set STAFET_SHARED_DIR (deploy/README.md)");
    }
    Log.infof("MedCom validation: %s", validator.profileValidationStatus());
    return validator;
  }
}
