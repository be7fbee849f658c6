package dk.stafet.referral.waitingtime;

import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Assesses a referral against its maximum waiting time: whether it is still open (the rule's "to"
 * event has not happened and the referral is not closed), its deadline and its status. Pure: the
 * time is always passed in. Created at start, so a missing or inconsistent rules file stops the
 * service there.
 */
@Startup
@ApplicationScoped
public class WaitingTimes {

  private final WaitingTimeRules rules;
  private final Duration warnBefore;

  @Inject
  public WaitingTimes(WaitingTimeConfig config) {
    this(WaitingTimeRules.load(config.rules()), config.warnBefore());
  }

  public WaitingTimes(WaitingTimeRules rules, Duration warnBefore) {
    this.rules = Objects.requireNonNull(rules, "rules");
    if (warnBefore.isNegative()) {
      throw new IllegalArgumentException("stafet.waiting-time.warn-before must not be negative");
    }
    this.warnBefore = warnBefore;
  }

  /**
   * The assessment of an open referral at {@code now}.
   *
   * @param open false when the rule's "to" event has happened (state {@code metBy} or later) or the
   *     referral was rejected: nothing to watch, and no deadline, status or days are given
   * @param deadline empty while no clock has started ({@link WaitingTimeStatus#PENDING})
   * @param daysLeft days from today (Danish time) to the last allowed day: 0 = today is the last
   *     day, negative = days over
   * @param warnFrom when the warning time begins (never before the deciding clock started)
   */
  public record Assessment(
      WaitingTimeRules.Rule rule,
      boolean open,
      Optional<WaitingTimeRules.Deadline> deadline,
      WaitingTimeStatus status,
      Long daysLeft,
      Instant warnFrom) {}

  public WaitingTimeRules rules() {
    return rules;
  }

  public Assessment assess(Referral referral, Instant now) {
    return assess(
        referral.waitingTimeRule, referral.state, referral.receivedAt, referral.visitedAt, now);
  }

  /**
   * @param visitedAt when the visitation decision was made (the acceptance, unless the referral was
   *     rejected/forwarded)
   */
  public Assessment assess(
      WaitingTimeRule id, ReferralState state, Instant receivedAt, Instant visitedAt, Instant now) {
    WaitingTimeRules.Rule rule = rules.rule(Objects.requireNonNull(id, "waiting-time rule"));
    if (state.isFinal() || progress(state) >= progress(rule.metBy())) {
      return new Assessment(rule, false, Optional.empty(), null, null, null);
    }
    // Forwarded: the forwarding was the visitation, not an acceptance; the clock runs on from the
    // first receipt.
    Instant acceptedAt =
        state == ReferralState.RECEIVED || state == ReferralState.FORWARDED ? null : visitedAt;
    Optional<WaitingTimeRules.Deadline> deadline = rule.deadline(receivedAt, acceptedAt);
    if (deadline.isEmpty()) {
      return new Assessment(rule, true, deadline, WaitingTimeStatus.PENDING, null, null);
    }
    WaitingTimeRules.Deadline d = deadline.get();
    Instant warnFrom = latest(d.exceededAt().minus(warnBefore), d.clockStartedAt());
    long daysLeft = ChronoUnit.DAYS.between(today(now), d.lastDay());
    WaitingTimeStatus status =
        !now.isBefore(d.exceededAt())
            ? WaitingTimeStatus.EXCEEDED
            : !now.isBefore(warnFrom) ? WaitingTimeStatus.WARNING : WaitingTimeStatus.ON_TRACK;
    return new Assessment(rule, true, deadline, status, daysLeft, warnFrom);
  }

  /**
   * The referral's deadline at {@code now}, if it has a waiting-time rule and the awaited step has
   * not happened.
   */
  public Optional<WaitingTimeDeadline> deadlineOf(Referral referral, Instant now) {
    return referral.waitingTimeRule == null
        ? Optional.empty()
        : WaitingTimeDeadline.of(assess(referral, now));
  }

  static LocalDate today(Instant now) {
    return now.atZone(WaitingTimeRules.ZONE).toLocalDate();
  }

  /**
   * Position on the way RECEIVED → ACCEPTED → STARTED → ENDED. A forwarded referral waits for its
   * new receiver's visitation as a received one does; a rejected one is final and handled apart.
   */
  private static int progress(ReferralState state) {
    return switch (state) {
      case RECEIVED, FORWARDED -> 0;
      case ACCEPTED -> 1;
      case STARTED -> 2;
      case ENDED -> 3;
      case REJECTED -> -1;
    };
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
