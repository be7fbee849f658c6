package dk.stafet.referral.waitingtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the waiting-time watch ({@code stafet.waiting-time.*}; docs/waiting-times.md). */
@ConfigMapping(prefix = "stafet.waiting-time")
public interface WaitingTimeConfig {

  /** The rules W1–W8 with their source: a file path, or else a class-path resource. */
  @WithDefault("waiting-times.json")
  String rules();

  /** How long before the deadline the warning goes out. */
  @WithDefault("3d")
  Duration warnBefore();

  /**
   * How often the watch looks for referrals crossing their warning time or deadline ({@code off}
   * disables it).
   */
  @WithDefault("1m")
  String checkInterval();

  /**
   * SOR code of the region's patient advisor [patientvejledning], the addressee of
   * WAITING_TIME_EXCEEDED.
   */
  Optional<String> patientAdvisorSor();
}
