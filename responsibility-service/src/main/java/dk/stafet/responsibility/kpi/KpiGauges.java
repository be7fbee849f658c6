package dk.stafet.responsibility.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The KPIs as Prometheus gauges, e.g. {@code stafet_kpi_named_prd_share{courseType="CANCER"}},
 * recomputed on a schedule (a scrape never runs the queries). A share without active patients is
 * NaN (Prometheus: no value).
 */
@ApplicationScoped
public class KpiGauges {

  private final KpiService kpis;
  private final MeterRegistry registry;
  private final Map<String, Kpis.CourseTypeKpis> latest = new ConcurrentHashMap<>();

  public KpiGauges(KpiService kpis, MeterRegistry registry) {
    this.kpis = kpis;
    this.registry = registry;
  }

  @Scheduled(
      every = "${stafet.kpi.refresh-interval:60s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void refresh() {
    try {
      for (Kpis.CourseTypeKpis k : kpis.compute().courseTypes()) {
        if (latest.put(k.courseType(), k) == null) {
          register(k.courseType());
        }
      }
    } catch (RuntimeException e) {
      Log.warnf("KPI gauges not refreshed: %s", e.getClass().getSimpleName());
    }
  }

  private void register(String type) {
    gauge(
        "stafet.kpi.named.prd.share",
        type,
        k -> k.namedPrdShare() == null ? Double.NaN : k.namedPrdShare());
    gauge("stafet.kpi.active.patients", type, k -> k.activePatients());
    gauge("stafet.kpi.named.prd.patients", type, k -> k.withNamedDoctor());
    gauge(
        "stafet.kpi.referral.to.named.median.seconds",
        type,
        k ->
            k.referralToNamedMedianSeconds() == null
                ? Double.NaN
                : k.referralToNamedMedianSeconds());
    gauge(
        "stafet.kpi.referral.to.named.mean.seconds",
        type,
        k -> k.referralToNamedMeanSeconds() == null ? Double.NaN : k.referralToNamedMeanSeconds());
    gauge("stafet.kpi.gaps", type, k -> k.gaps());
    gauge("stafet.kpi.gap.seconds", type, k -> k.gapSeconds());
  }

  private void gauge(String name, String type, ToDoubleFunction<Kpis.CourseTypeKpis> value) {
    Gauge.builder(
            name, latest, m -> m.containsKey(type) ? value.applyAsDouble(m.get(type)) : Double.NaN)
        .tag("courseType", type)
        .register(registry);
  }
}
