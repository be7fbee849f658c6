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
   * The development token issuer the pages get their bearer tokens from (./stafet up starts it).
   */
  @WithDefault("http://127.0.0.1:8085")
  String issuerUrl();

  /**
   * The demo identity (a named coordinator) whose token the coordinator pages call the services
   * with.
   */
  @WithDefault("coordinator")
  String coordinatorUsername();
}
