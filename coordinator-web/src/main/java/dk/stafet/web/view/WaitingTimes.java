package dk.stafet.web.view;

import dk.stafet.web.client.Api;
import dk.stafet.web.config.WebConfig;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Maximum-waiting-time deadlines (domain brief §8, W1–W8): calendar days from the day the hospital received the
 * referral, in Danish time. The limits are configuration ({@code stafet.web.maximum-waiting-days.*}). referral-service
 * stores only the rule; until it publishes deadlines itself, the pages compute them here.
 */
@ApplicationScoped
public class WaitingTimes {

  /** States in which the awaited step has not happened yet. */
  private static final Set<String> WAITING = Set.of("RECEIVED", "ACCEPTED");

  private final WebConfig config;
  private final Clock clock;

  @Inject
  public WaitingTimes(WebConfig config) {
    this(config, Clock.systemUTC());
  }

  WaitingTimes(WebConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A referral with its deadline and where it stands: OVER, NEAR, WAITING, MET, NONE (no rule or unknown rule). */
  @TemplateData
  public record Deadline(Api.Referral referral, Instant deadline, Integer maximumDays, String status, long daysLeft) {
  }

  public Deadline of(Api.Referral referral) {
    Integer days = referral.waitingTimeRule() == null ? null : config.maximumWaitingDays().get(referral.waitingTimeRule());
    if (days == null || referral.receivedAt() == null) {
      return new Deadline(referral, null, null, "NONE", 0);
    }
    ZonedDateTime received = referral.receivedAt().atZone(Formats.DANISH_TIME).truncatedTo(ChronoUnit.DAYS);
    Instant deadline = received.plusDays(days + 1L).toInstant(); // to the end of the last allowed day
    Instant now = clock.instant();
    long daysLeft = ChronoUnit.DAYS.between(now.atZone(Formats.DANISH_TIME).toLocalDate(),
        deadline.minusSeconds(1).atZone(Formats.DANISH_TIME).toLocalDate());
    String status;
    if (!WAITING.contains(referral.state())) {
      status = referral.startedAt() != null && referral.startedAt().isAfter(deadline) ? "MET_LATE" : "MET";
    } else if (now.isAfter(deadline)) {
      status = "OVER";
    } else if (daysLeft <= config.waitingTimeWarningDays()) {
      status = "NEAR";
    } else {
      status = "WAITING";
    }
    return new Deadline(referral, deadline, days, status, daysLeft);
  }

  public List<Deadline> of(List<Api.Referral> referrals) {
    return referrals.stream().map(this::of).sorted(Comparator.comparing(Deadline::deadline,
        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
  }

  /** Only those over or near their deadline, soonest first. */
  public List<Deadline> attention(List<Api.Referral> referrals) {
    return of(referrals).stream().filter(d -> "OVER".equals(d.status()) || "NEAR".equals(d.status())).toList();
  }
}
