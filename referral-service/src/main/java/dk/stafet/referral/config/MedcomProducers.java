package dk.stafet.referral.config;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.contracts.medcom.MessageContentRules;
import dk.stafet.service.medcom.MedcomValidators;
import dk.stafet.service.medcom.ValidationAlarms;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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
  MedcomValidator validator(
      MedcomCodec codec, FrontDoorConfig config, MeterRegistry meters, ValidationAlarms alarms) {
    return MedcomValidators.create(
        codec, config.medcom(), "stafet.front-door.medcom.profiles-required", meters, alarms);
  }
}
