package dk.stafet.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are, and the identity provider the user logs in with (docs/web.md). */
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
   * The identity provider the user logs in with (the development issuer locally, ./stafet up starts
   * it); {@code quarkus.oidc.auth-server-url} is set from it.
   */
  @WithDefault("http://127.0.0.1:8085")
  String issuerUrl();
}
