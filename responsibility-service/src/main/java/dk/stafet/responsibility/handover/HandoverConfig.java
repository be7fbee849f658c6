package dk.stafet.responsibility.handover;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Structured handover settings (R23, R24). */
@ConfigMapping(prefix = "stafet.handover")
public interface HandoverConfig {

  /** How long a receiver has to answer when the proposal names no respondBy (R24, proposal). */
  @WithDefault("PT24H")
  Duration defaultResponseTime();

  /** How often the R24 deadline check runs (used by {@link HandoverTimeoutJob}'s schedule). */
  @WithDefault("60s")
  String timeoutCheckInterval();
}
