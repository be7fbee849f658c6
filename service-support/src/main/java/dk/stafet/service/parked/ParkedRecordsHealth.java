package dk.stafet.service.parked;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports parked records in {@code /q/health} and {@code /q/health/ready}, and is never DOWN for
 * them: a parked record needs a coordinator, not a restart or less traffic (the alarm is the
 * metric, the log line and the coordinator page).
 */
@Readiness
@ApplicationScoped
public class ParkedRecordsHealth implements HealthCheck {

  private final ParkedRecordMetrics metrics;

  public ParkedRecordsHealth(ParkedRecordMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer =
        HealthCheckResponse.named("parked-records").up().withData("parked", metrics.parked());
    metrics
        .counts()
        .forEach(
            (topic, byState) -> answer.withData(topic, byState.get(ParkedRecord.State.PARKED)));
    return answer.build();
  }
}
