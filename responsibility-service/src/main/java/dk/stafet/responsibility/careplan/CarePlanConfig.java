package dk.stafet.responsibility.careplan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Shared care plan settings (brief C10, docs/care-plan.md). */
@ConfigMapping(prefix = "stafet.care-plan")
public interface CarePlanConfig {

  /**
   * How long before a child's 18th birthday the plan flags the transition to adult services and the
   * coordinators' attention list shows it (a proposal: the brief names the transition, not the
   * notice).
   */
  @WithDefault("P90D")
  Period transitionNotice();
}
