package dk.stafet.contracts.medcom;

import java.util.concurrent.Executor;

/**
 * How {@link MedcomValidator} uses the compiled fast path ({@link FastPathValidator}).
 *
 * @param enabled a message the fast path accepts is not validated by HAPI on the hot path
 * @param sampleShare share (0–1) of fast-path accepts re-validated by HAPI on {@code sampler}; a
 *     disagreement goes to {@code listener}
 * @param sampler where the re-validations run (off the caller's thread)
 * @param listener told of every sampled message HAPI rejects although the fast path accepted it
 */
public record FastPathSettings(
    boolean enabled, double sampleShare, Executor sampler, FastPathDisagreementListener listener) {

  /** Every message through HAPI. */
  public static final FastPathSettings OFF =
      new FastPathSettings(false, 0, Runnable::run, (type, paths) -> {});

  public FastPathSettings {
    if (sampleShare < 0 || sampleShare > 1) {
      throw new IllegalArgumentException("sampleShare must be between 0 and 1");
    }
  }
}
