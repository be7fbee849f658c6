package dk.stafet.referral.course.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The referral state machine: received → visitation (accepted | rejected | forwarded) → started
 * (first contact) → ended; a forwarded referral is visited again by the organisation it was
 * forwarded to (accepted | rejected). Plain Java, no framework; the service persists the states it
 * returns.
 */
public final class ReferralLifecycle {

  public static final String AGGREGATE = "referral";

  /** Where each transition may start, and where it leads. */
  private record Rule(Set<ReferralState> from, ReferralState to) {}

  private static final Map<ReferralTransition, Rule> RULES =
      new EnumMap<>(ReferralTransition.class);

  static {
    // A forwarded referral waits for its new receiver's visitation exactly as a received one waits
    // for the first
    // receiver's (docs/course-facts.md): the new receiver accepts or rejects it; it is not
    // forwarded a second time.
    RULES.put(
        ReferralTransition.ACCEPT,
        new Rule(
            EnumSet.of(ReferralState.RECEIVED, ReferralState.FORWARDED), ReferralState.ACCEPTED));
    RULES.put(
        ReferralTransition.REJECT,
        new Rule(
            EnumSet.of(ReferralState.RECEIVED, ReferralState.FORWARDED), ReferralState.REJECTED));
    RULES.put(
        ReferralTransition.FORWARD,
        new Rule(EnumSet.of(ReferralState.RECEIVED), ReferralState.FORWARDED));
    RULES.put(
        ReferralTransition.START,
        new Rule(EnumSet.of(ReferralState.ACCEPTED), ReferralState.STARTED));
    RULES.put(
        ReferralTransition.END, new Rule(EnumSet.of(ReferralState.STARTED), ReferralState.ENDED));
  }

  private ReferralLifecycle() {}

  /** The state every referral starts in. */
  public static ReferralState initial() {
    return ReferralState.RECEIVED;
  }

  /**
   * The state after {@code transition}.
   *
   * @throws InvalidTransitionException if the transition is not allowed from {@code from}
   */
  public static ReferralState next(ReferralState from, ReferralTransition transition) {
    if (!allowed(from, transition)) {
      throw new InvalidTransitionException(AGGREGATE, transition, from);
    }
    return RULES.get(transition).to();
  }

  public static boolean allowed(ReferralState from, ReferralTransition transition) {
    return from != null && RULES.get(transition).from().contains(from);
  }
}
