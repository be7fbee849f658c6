package dk.stafet.responsibility.domain.property;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Runs the annotated property only with {@code -Dstafet.property.exhaustive=true} (the
 * 1,000,000-course run); the default build runs the 100,000-course properties.
 */
public class ExhaustiveOnly implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return Boolean.getBoolean("stafet.property.exhaustive")
        ? SkipResult.doNotSkip()
        : SkipResult.skip("set -Dstafet.property.exhaustive=true for the 1,000,000-course run");
  }
}
