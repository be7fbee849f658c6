package dk.stafet.responsibility.handover;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Structured handover settings (R23, R24). */
@ConfigMapping(prefix = "stafet.handover")
public interface HandoverConfig {

  /** How long a receiver has to answer when the proposal names no respondBy (R24, proposal). */
  @WithDefault("PT24H")
  Duration defaultResponseTime();

  /** How often the R24 deadline check runs (used by {@link HandoverTimeoutJob}'s schedule). */
  @WithDefault("60s")
  String timeoutCheckInterval();

  /**
   * SOR codes of course coordinators / patient advisors, who see every handover in GET /api/handovers (004: they follow
   * a case), may read any patient and the attention list. Read through {@link
   * dk.stafet.responsibility.security.CallerRoles}; kept here so the setting stays where it always was.
   */
  Optional<List<String>> coordinatorSors();
}
