package dk.stafet.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Where the services are, and whom the pages act as (docs/web.md, "Who the pages act as"). */
@ConfigMapping(prefix = "stafet.web")
public interface WebConfig {

  /** Base URL of referral-service. */
  @WithDefault("http://127.0.0.1:8081")
  String referralUrl();

  /** Base URL of responsibility-service. */
  @WithDefault("http://127.0.0.1:8082")
  String responsibilityUrl();

  /** Base URL of notification-service. */
  @WithDefault("http://127.0.0.1:8083")
  String notificationUrl();

  /**
   * SOR code sent as X-Stafet-Organisation for the coordinator's reads. It must be listed in the services'
   * coordinator settings (stafet.handover.coordinator-sors, stafet.audit.coordinator-sors).
   */
  @WithDefault("999999000901001")
  String coordinatorOrganisation();

  /** SOR code sent as X-Stafet-Organisation for the patient page ("mit forløb"). */
  @WithDefault("999999000902001")
  String patientPortalOrganisation();

  /** How many days before a maximum-waiting-time deadline a referral counts as near it. */
  @WithDefault("3")
  int waitingTimeWarningDays();

  /**
   * Maximum waiting times in calendar days per rule W1–W8, from referral received (domain brief §8, Danish Health
   * Authority guidance updated Feb 2024). Configuration data, not constants: see application.properties.
   */
  Map<String, Integer> maximumWaitingDays();
}
