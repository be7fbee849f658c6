package dk.stafet.tools.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What the demo is told through its environment (scripts/demo.sh passes on what ./stafet up gives
 * it).
 *
 * @param referralUrl referral-service, the front door (REFERRAL_URL)
 * @param responsibilityUrl responsibility-service, the ledger and handovers (RESPONSIBILITY_URL)
 * @param notificationUrl notification-service, only waited for (NOTIFICATION_URL)
 * @param rate requests per second, bad messages included (DEMO_RATE, default 2)
 * @param patients size of the synthetic population (DEMO_PATIENTS, default 40)
 * @param seed random seed (DEMO_SEED); null means a new population every run
 * @param badShare share of deliberately bad front-door messages (DEMO_BAD_SHARE, default 0.03)
 * @param history how far back the first courses start (DEMO_HISTORY_DAYS, default 21)
 * @param maxRequests stop after this many requests; 0 means run until stopped (DEMO_MAX_REQUESTS)
 * @param readyTimeout give up waiting for the services after this long; zero means wait for ever
 *     (DEMO_READY_TIMEOUT_SECONDS)
 * @param issuerUrl the development token issuer each caller gets its token from (STAFET_ISSUER_URL)
 */
record DemoConfig(
    String referralUrl,
    String responsibilityUrl,
    String notificationUrl,
    double rate,
    int patients,
    Long seed,
    double badShare,
    Duration history,
    long maxRequests,
    Duration readyTimeout,
    String issuerUrl) {

  static DemoConfig fromEnvironment(Map<String, String> env) {
    String seed = env.getOrDefault("DEMO_SEED", "").trim();
    DemoConfig config =
        new DemoConfig(
            trimSlash(env.getOrDefault("REFERRAL_URL", "http://127.0.0.1:8081")),
            trimSlash(env.getOrDefault("RESPONSIBILITY_URL", "http://127.0.0.1:8082")),
            trimSlash(env.getOrDefault("NOTIFICATION_URL", "http://127.0.0.1:8083")),
            number(env, "DEMO_RATE", 2.0),
            (int) number(env, "DEMO_PATIENTS", 40),
            seed.isEmpty() ? null : Long.parseLong(seed),
            number(env, "DEMO_BAD_SHARE", 0.03),
            Duration.ofDays((long) number(env, "DEMO_HISTORY_DAYS", 21)),
            (long) number(env, "DEMO_MAX_REQUESTS", 0),
            Duration.ofSeconds((long) number(env, "DEMO_READY_TIMEOUT_SECONDS", 0)),
            trimSlash(env.getOrDefault("STAFET_ISSUER_URL", "http://127.0.0.1:8085")));
    if (config.rate <= 0 || config.patients < 1 || config.badShare < 0 || config.badShare > 1) {
      throw new IllegalArgumentException(
          "DEMO_RATE must be > 0, DEMO_PATIENTS >= 1 and DEMO_BAD_SHARE within 0..1");
    }
    return config;
  }

  private static double number(Map<String, String> env, String name, double fallback) {
    String value = env.getOrDefault(name, "").trim();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + value);
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  String describe() {
    return String.format(
        "referral %s, responsibility %s, notification %s, rate %.2f/s, %d patients, seed %s, "
            + "bad share %.3f, history %d days%s",
        referralUrl,
        responsibilityUrl,
        notificationUrl,
        rate,
        patients,
        seed == null ? "random" : seed,
        badShare,
        history.toDays(),
        maxRequests > 0 ? ", stop after " + maxRequests + " requests" : "");
  }
}
