package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.client.ResponsibilityClient;
import dk.stafet.web.i18n.Lang;
import dk.stafet.web.view.BarChart;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The KPI panel {@code /kpis}: named-PRD share against the national 90 % target, time from referral
 * to named doctor, gaps (responsibility-service /api/kpis); message states and acknowledgement
 * latency (notification-service); waiting-time breaches (when referral-service publishes them).
 * Charts are inline SVG computed by {@link BarChart}.
 */
@RolesAllowed("COORDINATOR")
@Path("/kpis")
@Produces(MediaType.TEXT_HTML)
public class KpiPage {

  /** Sample of newest acknowledged messages the latency is computed from. */
  static final int LATENCY_SAMPLE = 500;

  private final ResponsibilityClient responsibility;
  private final NotificationClient notification;
  private final ReferralClient referral;
  private final Template kpis;

  public KpiPage(
      @RestClient ResponsibilityClient responsibility,
      @RestClient NotificationClient notification,
      @RestClient ReferralClient referral,
      @Location("kpis.html") Template kpis) {
    this.responsibility = responsibility;
    this.notification = notification;
    this.referral = referral;
    this.kpis = kpis;
  }

  @GET
  public TemplateInstance page(@RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    Fetched<Api.Kpis> kpi = Fetched.of(() -> responsibility.kpis());
    Fetched<List<Api.StateCount>> counts = Fetched.of(() -> notification.counts());
    Fetched<List<Api.Delivery>> acknowledged =
        Fetched.of(() -> notification.deliveries("ACKNOWLEDGED", null, LATENCY_SAMPLE));
    Fetched<Api.WaitingTimeSummary> waiting =
        Fetched.ofProposed(() -> referral.waitingTimeSummary());

    TemplateInstance page =
        Page.of(kpis, Lang.resolve(lang, cookie))
            .data("kpi", kpi)
            .data("counts", counts)
            .data("waiting", waiting);
    if (kpi.ok()) {
      List<Api.CourseTypeKpis> types =
          kpi.value().courseTypes() == null ? List.of() : kpi.value().courseTypes();
      page.data("shareChart", shareChart(types))
          .data("timeChart", timeChart(types))
          .data("gapChart", gapChart(types));
    }
    if (counts.ok()) {
      page.data("stateChart", stateChart(counts.value()));
    }
    page.data("latency", acknowledged.ok() ? Latency.of(acknowledged.value()) : null);
    return page;
  }

  static BarChart shareChart(List<Api.CourseTypeKpis> types) {
    List<BarChart.Row> rows = new ArrayList<>();
    Double target = null;
    for (Api.CourseTypeKpis t : types) {
      double share = t.namedPrdShare() == null ? 0 : t.namedPrdShare();
      boolean met = t.target() == null || share >= t.target();
      rows.add(
          new BarChart.Row(
              t.courseType(),
              share,
              t.namedPrdShare() == null
                  ? "—"
                  : Math.round(share * 1000) / 10.0
                      + " % ("
                      + t.withNamedDoctor()
                      + "/"
                      + t.activePatients()
                      + ")",
              t.namedPrdShare() == null ? "neutral" : met ? "ok" : "bad"));
      if ("CANCER".equals(t.courseType()) && t.target() != null) {
        target = t.target();
      }
    }
    if (target == null) {
      target =
          types.stream()
              .map(Api.CourseTypeKpis::target)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(0.9);
    }
    return BarChart.of("share", rows, 1.0, target, Math.round(target * 100) + " %");
  }

  static BarChart timeChart(List<Api.CourseTypeKpis> types) {
    List<BarChart.Row> rows =
        types.stream()
            .map(
                t ->
                    new BarChart.Row(
                        t.courseType(),
                        t.referralToNamedMedianSeconds() == null
                            ? 0
                            : t.referralToNamedMedianSeconds() / 3600.0,
                        t.referralToNamedMedianSeconds() == null
                            ? "—"
                            : hours(t.referralToNamedMedianSeconds()),
                        "neutral"))
            .toList();
    return BarChart.of("time", rows, null, null, null);
  }

  static BarChart gapChart(List<Api.CourseTypeKpis> types) {
    List<BarChart.Row> rows =
        types.stream()
            .map(
                t ->
                    new BarChart.Row(
                        t.courseType(),
                        t.gaps(),
                        t.gaps() + " (" + hours(t.gapSeconds()) + ")",
                        t.gaps() == 0 ? "ok" : "bad"))
            .toList();
    return BarChart.of("gaps", rows, null, null, null);
  }

  static BarChart stateChart(List<Api.StateCount> counts) {
    Map<String, Long> byState = new TreeMap<>();
    counts.forEach(c -> byState.merge(c.state(), c.count(), Long::sum));
    List<BarChart.Row> rows =
        byState.entrySet().stream()
            .map(
                e ->
                    new BarChart.Row(
                        e.getKey(),
                        e.getValue(),
                        String.valueOf(e.getValue()),
                        switch (e.getKey()) {
                          case "ACKNOWLEDGED", "DELIVERED_NO_ACK_EXPECTED" -> "ok";
                          case "SENT" -> "warn";
                          default -> "bad";
                        }))
            .toList();
    return BarChart.of("states", rows, null, null, null);
  }

  private static String hours(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toDays() > 0
        ? d.toDays() + " d " + d.toHoursPart() + " h"
        : d.toHours() + " h " + d.toMinutesPart() + " min";
  }

  /**
   * Acknowledgement latency (last transmission → acknowledgement) over the newest acknowledged
   * messages.
   */
  @io.quarkus.qute.TemplateData
  public record Latency(int sample, String median, String p90, String max) {

    static Latency of(List<Api.Delivery> acknowledged) {
      List<Long> seconds =
          acknowledged.stream()
              .filter(
                  d ->
                      d.acknowledgedAt() != null
                          && (d.lastSentAt() != null || d.createdAt() != null))
              .map(
                  d ->
                      Math.max(
                          0,
                          Duration.between(
                                  d.lastSentAt() != null ? d.lastSentAt() : d.createdAt(),
                                  d.acknowledgedAt())
                              .toSeconds()))
              .sorted()
              .toList();
      if (seconds.isEmpty()) {
        return new Latency(0, "—", "—", "—");
      }
      return new Latency(
          seconds.size(),
          text(seconds.get(seconds.size() / 2)),
          text(
              seconds.get(Math.min(seconds.size() - 1, (int) Math.ceil(seconds.size() * 0.9) - 1))),
          text(seconds.get(seconds.size() - 1)));
    }

    private static String text(long seconds) {
      return seconds < 120 ? seconds + " s" : hours(seconds);
    }
  }
}
