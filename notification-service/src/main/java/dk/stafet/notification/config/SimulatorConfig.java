package dk.stafet.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The recipient simulator (tests and demos): answers messages on simulated recipients' topics with
 * acknowledgements.
 */
@ConfigMapping(prefix = "stafet.simulator")
public interface SimulatorConfig {

  @WithDefault("false")
  boolean enabled();

  /** Comma-separated GLNs of the simulated recipients, or {@code all}. */
  @WithDefault("all")
  String recipients();

  /** GLNs (comma-separated) that never answer; overrides the shares for them. */
  Optional<Set<String>> silentRecipients();

  /** GLNs that answer every message with fatal-error. */
  Optional<Set<String>> rejectingRecipients();

  /** GLNs that answer every message late. */
  Optional<Set<String>> slowRecipients();

  /** Share (0..1) of messages left unanswered. */
  @WithDefault("0")
  double silentShare();

  /** Share (0..1) of messages answered with fatal-error. */
  @WithDefault("0")
  double rejectShare();

  /** Share (0..1) of messages answered late, after {@link #slowDelay()}. */
  @WithDefault("0")
  double slowShare();

  @WithDefault("PT5S")
  Duration slowDelay();

  @WithDefault("stafet-recipient-simulator")
  String groupId();

  /** How often the consumer looks for new recipient topics (pattern subscription). */
  @WithDefault("PT5S")
  Duration topicRefresh();

  /** Seed of the draws, for reproducible demos; absent means random. */
  Optional<Long> seed();
}
