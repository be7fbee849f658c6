package dk.stafet.referral.config;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** One codec and one validator per service: both are expensive to build and safe to share. */
@ApplicationScoped
public class MedcomProducers {

  @Produces
  @ApplicationScoped
  MedcomCodec codec() {
    return new MedcomCodec();
  }

  @Produces
  @ApplicationScoped
  MedcomValidator validator(MedcomCodec codec, FrontDoorConfig config) {
    Path profiles = config.medcom().profilesDir().map(Path::of).map(Path::toAbsolutePath).orElse(null);
    MedcomValidator validator = new MedcomValidator(codec, profiles);
    Log.infof("MedCom validation: %s", validator.profileValidationStatus());
    return validator;
  }

  /** Builds the validation chains at start-up, so the first message does not pay for it. */
  void warmUp(@Observes StartupEvent event, MedcomValidator validator) {
    long started = System.nanoTime();
    validator.warmUp();
    Log.infof("MedCom validator warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
  }
}
