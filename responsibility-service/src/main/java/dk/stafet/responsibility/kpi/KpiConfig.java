package dk.stafet.responsibility.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** KPI settings. */
@ConfigMapping(prefix = "stafet.kpi")
public interface KpiConfig {

  /** How often the Prometheus gauges are recomputed. */
  @WithDefault("60s")
  String refreshInterval();
}
