package dk.stafet.service.health;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

/**
 * Liveness that tells the truth about a service that lost its database or broker for good:
 * readiness is DOWN at once (the datasource and Kafka checks), and when it has stayed DOWN for
 * longer than {@code stafet.health.unready-grace} (default 2 minutes) this check turns liveness
 * DOWN too, so Kubernetes restarts the pod instead of keeping a service that is up but dead. A
 * short outage (a database restart, a broker re-election) is waited out without a restart: the
 * consumers wait for the database themselves (UntilStored) and the outbox relay retries. A consumer
 * that died is reported by SmallRye Reactive Messaging's own liveness check.
 */
@Liveness
@ApplicationScoped
public class UnreadyTooLong implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(UnreadyTooLong.class);

  private final SmallRyeHealthReporter reporter;
  private final Duration grace;
  private volatile Instant unreadySince = Instant.now(); // not ready until the first probe says so
  private volatile String downChecks = "starting";

  public UnreadyTooLong(
      SmallRyeHealthReporter reporter,
      @ConfigProperty(name = "stafet.health.unready-grace", defaultValue = "PT2M") Duration grace) {
    this.reporter = reporter;
    this.grace = grace;
  }

  @Scheduled(
      every = "${stafet.health.probe-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void probe() {
    SmallRyeHealth readiness = reporter.getReadiness();
    if (readiness.isDown()) {
      downChecks =
          readiness.getPayload().getJsonArray("checks").stream()
              .map(JsonValue::asJsonObject)
              .filter(check -> !"UP".equals(check.getString("status", "DOWN")))
              .map(check -> check.getString("name", "?"))
              .collect(Collectors.joining(", "));
      if (unreadySince == null) {
        unreadySince = Instant.now();
        LOG.warnf("Not ready (%s); liveness turns DOWN if this lasts %s", downChecks, grace);
      }
    } else {
      if (unreadySince != null && downChecks != null && !"starting".equals(downChecks)) {
        LOG.infof(
            "Ready again after %s s", Duration.between(unreadySince, Instant.now()).toSeconds());
      }
      unreadySince = null;
      downChecks = null;
    }
  }

  @Override
  public HealthCheckResponse call() {
    Instant since = unreadySince;
    if (since == null) {
      return HealthCheckResponse.up("unready-too-long");
    }
    Duration unready = Duration.between(since, Instant.now());
    return HealthCheckResponse.named("unready-too-long")
        .status(unready.compareTo(grace) <= 0)
        .withData("unreadyForSeconds", unready.toSeconds())
        .withData("graceSeconds", grace.toSeconds())
        .withData("downChecks", String.valueOf(downChecks))
        .build();
  }
}
