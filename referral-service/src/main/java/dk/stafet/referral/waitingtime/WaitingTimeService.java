package dk.stafet.referral.waitingtime;

import dk.stafet.referral.course.Referral;
import dk.stafet.referral.security.NotTheActorException;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.CallerRoles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The open referrals with a maximum waiting time, for course coordinators only; every listed
 * referral is audited.
 */
@ApplicationScoped
public class WaitingTimeService {

  /** Which open referrals to list. */
  public enum Filter {
    WARNING,
    EXCEEDED,
    ALL;

    /**
     * @throws IllegalArgumentException for anything but warning, exceeded or all (any case)
     */
    public static Filter parse(String value) {
      return value == null || value.isBlank()
          ? ALL
          : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    boolean accepts(WaitingTimeStatus status) {
      return this == ALL || name().equals(status.name());
    }
  }

  private final WaitingTimes waitingTimes;
  private final AuditLog audit;
  private final CallerRoles roles;

  public WaitingTimeService(WaitingTimes waitingTimes, AuditLog audit, CallerRoles roles) {
    this.waitingTimes = waitingTimes;
    this.audit = audit;
    this.roles = roles;
  }

  /**
   * How many open referrals stand where, and how many alerts were raised; course coordinators only.
   */
  @Transactional
  public WaitingTimeSummary summary(String callerSor) {
    if (!roles.isCoordinator(callerSor)) {
      throw new NotTheActorException(
          "reading the waiting-time summary", "course coordinator (COORDINATOR role)");
    }
    Instant now = Instant.now();
    Map<WaitingTimeStatus, Long> byStatus =
        waitingWithRule().stream()
            .map(r -> waitingTimes.assess(r, now))
            .filter(a -> a.open() && a.status() != null)
            .collect(
                Collectors.groupingBy(
                    WaitingTimes.Assessment::status,
                    () -> new EnumMap<>(WaitingTimeStatus.class),
                    Collectors.counting()));
    long open = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new WaitingTimeSummary(
        now,
        open,
        byStatus.getOrDefault(WaitingTimeStatus.PENDING, 0L),
        byStatus.getOrDefault(WaitingTimeStatus.ON_TRACK, 0L),
        byStatus.getOrDefault(WaitingTimeStatus.WARNING, 0L),
        byStatus.getOrDefault(WaitingTimeStatus.EXCEEDED, 0L),
        WaitingTimeAlert.count("kind", WaitingTimeAlert.Kind.EXCEEDED),
        WaitingTimeAlert.count("kind", WaitingTimeAlert.Kind.WARNING));
  }

  /**
   * Open referrals (the rule's awaited event has not happened) by deadline, soonest first; PENDING
   * ones last.
   */
  @Transactional
  public List<WaitingTimeView> list(String callerSor, Filter filter) {
    Log.debugf("Waiting-time list (%s)", filter);
    if (!roles.isCoordinator(callerSor)) {
      audit.denied(callerSor, "READ_WAITING_TIMES", null, "REFERRAL", null);
      throw new NotTheActorException(
          "reading the waiting-time list", "course coordinator (COORDINATOR role)");
    }
    Instant now = Instant.now();
    List<WaitingTimeView> views =
        waitingWithRule().stream()
            .map(r -> WaitingTimeView.of(r, waitingTimes.assess(r, now)))
            .filter(v -> v.status() != null && filter.accepts(v.status()))
            .sorted(
                Comparator.comparing(
                    WaitingTimeView::deadlineAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    for (WaitingTimeView view : views) {
      audit.read(callerSor, "READ_WAITING_TIMES", view.patientKey(), "REFERRAL", view.id());
    }
    return views;
  }

  /**
   * The referrals with a rule whose awaited step may still be ahead (some are already met and
   * assess as not open).
   */
  private static List<Referral> waitingWithRule() {
    return Referral.list(
        "FROM Referral r WHERE r.waitingTimeRule IS NOT NULL AND r.state IN ?1 ORDER BY r.receivedAt",
        WaitingTimeAlerts.WAITING_STATES);
  }
}
