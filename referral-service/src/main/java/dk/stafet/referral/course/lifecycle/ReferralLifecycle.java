package dk.stafet.referral.course.lifecycle;

import java.util.EnumMap;
import java.util.Map;

/**
 * The referral state machine: received → visitation (accepted | rejected | forwarded) → started (first contact) →
 * ended. Plain Java, no framework; the service persists the states it returns.
 */
public final class ReferralLifecycle {

  public static final String AGGREGATE = "referral";

  /** The one allowed source state of each transition, and where it leads. */
  private static final Map<ReferralTransition, ReferralState[]> RULES = new EnumMap<>(ReferralTransition.class);

  static {
    RULES.put(ReferralTransition.ACCEPT, new ReferralState[] {ReferralState.RECEIVED, ReferralState.ACCEPTED});
    RULES.put(ReferralTransition.REJECT, new ReferralState[] {ReferralState.RECEIVED, ReferralState.REJECTED});
    RULES.put(ReferralTransition.FORWARD, new ReferralState[] {ReferralState.RECEIVED, ReferralState.FORWARDED});
    RULES.put(ReferralTransition.START, new ReferralState[] {ReferralState.ACCEPTED, ReferralState.STARTED});
    RULES.put(ReferralTransition.END, new ReferralState[] {ReferralState.STARTED, ReferralState.ENDED});
  }

  private ReferralLifecycle() {
  }

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
    ReferralState[] rule = RULES.get(transition);
    if (from == null || rule[0] != from) {
      throw new InvalidTransitionException(AGGREGATE, transition, from);
    }
    return rule[1];
  }

  public static boolean allowed(ReferralState from, ReferralTransition transition) {
    return from != null && RULES.get(transition)[0] == from;
  }
}
