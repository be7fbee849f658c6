package dk.stafet.notification.config;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import dk.stafet.service.medcom.MedcomValidators;
import dk.stafet.service.medcom.ValidationAlarms;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * One codec, one validator and one clock for the service. The validator's fast path is compiled as
 * it is built, at start-up: the container builds an application-scoped bean once, so a consumer
 * that needs it earlier waits for that one build instead of starting a second
 * (docs/notifications.md).
 */
@ApplicationScoped
public class Producers {

  @Produces
  @ApplicationScoped
  MedcomCodec codec() {
    return new MedcomCodec();
  }

  @Produces
  @ApplicationScoped
  MedcomValidator validator(
      MedcomCodec codec, NotificationConfig config, MeterRegistry meters, ValidationAlarms alarms) {
    MedcomValidator validator =
        MedcomValidators.create(
            codec, config.medcom(), "stafet.notification.medcom.profiles-required", meters, alarms);
    // The fast path only: it accepts what this service builds, so HAPI's validator serves the 1 %
    // sampled off the hot path and pays its first-call cost there, not at every start
    // (docs/notifications.md, "Start-up").
    long started = System.nanoTime();
    validator.warmUpFastPath();
    Log.infof(
        "Outgoing-message validator's fast path compiled in %d ms",
        (System.nanoTime() - started) / 1_000_000);
    return validator;
  }

  /** Builds the validator (and its fast path) at start-up rather than for the first message. */
  void buildValidatorAtStartUp(@Observes StartupEvent event, MedcomValidator validator) {
    validator.profileValidationStatus();
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
