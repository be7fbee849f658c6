package dk.stafet.responsibility.whotocall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who-to-call settings (R4, R22). */
@ConfigMapping(prefix = "stafet.who-to-call")
public interface WhoToCallConfig {

  /**
   * SOR code of the out-of-hours service callers are sent to outside GP hours (per region; R22).
   */
  String outOfHoursSor();

  /** R4 (proposal): Christmas Eve, New Year's Eve and Constitution Day are out-of-hours all day. */
  @WithDefault("true")
  boolean proposalDaysOutOfHours();
}
