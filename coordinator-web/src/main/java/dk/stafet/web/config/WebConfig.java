package dk.stafet.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
   * coordinator setting (stafet.coordinator-sors).
   */
  @WithDefault("999999000901001")
  String coordinatorOrganisation();

  /** SOR code sent as X-Stafet-Organisation for the patient page ("mit forløb"). */
  @WithDefault("999999000902001")
  String patientPortalOrganisation();
}
