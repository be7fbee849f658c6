package dk.stafet.service.medcom;

import dk.stafet.contracts.medcom.FastPathDisagreementListener;
import dk.stafet.contracts.medcom.FastPathSettings;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Builds a service's one MedCom validator from its {@link MedcomProfiles} settings. */
public final class MedcomValidators {

  /** Sampled re-validations waiting for HAPI; more are skipped (and counted) rather than queued. */
  private static final int SAMPLE_QUEUE = 64;

  private MedcomValidators() {}

  /**
   * As {@link #create(MedcomCodec, MedcomProfiles, String, MeterRegistry,
   * FastPathDisagreementListener)}, metrics unexported, a disagreement only logged (outside a
   * service).
   */
  public static MedcomValidator create(
      MedcomCodec codec, MedcomProfiles profiles, String requiredSetting) {
    return create(
        codec,
        profiles,
        requiredSetting,
        new SimpleMeterRegistry(),
        (type, errorPaths) ->
            Log.errorf(
                "MedCom fast path accepted a %s message that HAPI rejects at %s",
                type, errorPaths));
  }

  /**
   * @param requiredSetting the full name of the service's {@code profiles-required} setting, for
   *     the message that stops a production service without its profiles
   * @param disagreements told when HAPI rejects a sampled message the fast path accepted (a
   *     service's {@link ValidationAlarms})
   * @throws IllegalStateException if the profiles are required but missing
   */
  public static MedcomValidator create(
      MedcomCodec codec,
      MedcomProfiles profiles,
      String requiredSetting,
      MeterRegistry meters,
      FastPathDisagreementListener disagreements) {
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
    if (profiles.fastPathEnabled() && validator.isProfileValidationEnabled()) {
      validator.configureFastPath(fastPath(profiles.fastPathSampleShare(), meters, disagreements));
      FunctionCounter.builder(
              "stafet.medcom.fast.path.accepted", validator, MedcomValidator::fastPathAccepted)
          .description("Messages the compiled fast path accepted without HAPI")
          .register(meters);
      FunctionCounter.builder(
              "stafet.medcom.fast.path.deferred", validator, MedcomValidator::fastPathDeferred)
          .description("Messages the compiled fast path handed to HAPI's full validation")
          .register(meters);
      Log.infof(
          "MedCom validation: compiled fast path on, %.1f %% of its accepts re-checked by HAPI",
          profiles.fastPathSampleShare() * 100);
    }
    return validator;
  }

  private static FastPathSettings fastPath(
      double sampleShare, MeterRegistry meters, FastPathDisagreementListener disagreements) {
    Counter skipped =
        Counter.builder("stafet.medcom.fast.path.samples.skipped")
            .description("Sampled re-validations skipped because the sampler was busy")
            .register(meters);
    ThreadPoolExecutor sampler =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(SAMPLE_QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "medcom-fast-path-sampler");
              thread.setDaemon(true);
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            },
            (runnable, executor) -> skipped.increment());
    return new FastPathSettings(true, sampleShare, sampler, disagreements);
  }
}
