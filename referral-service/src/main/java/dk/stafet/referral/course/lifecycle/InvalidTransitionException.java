package dk.stafet.referral.course.lifecycle;

/**
 * A transition that the lifecycle does not allow from the current state. The message names the
 * aggregate, the transition and the state only; it never carries patient data, so it is safe in
 * logs and HTTP problem bodies.
 */
public class InvalidTransitionException extends RuntimeException {

  private final String aggregate;
  private final String transition;
  private final String fromState;

  public InvalidTransitionException(String aggregate, Enum<?> transition, Enum<?> fromState) {
    this(aggregate, transition.name(), fromState == null ? "NONE" : fromState.name(), null);
  }

  public InvalidTransitionException(
      String aggregate, String transition, String fromState, String why) {
    super(
        aggregate
            + ": "
            + transition
            + " is not allowed from "
            + fromState
            + (why == null ? "" : " (" + why + ")"));
    this.aggregate = aggregate;
    this.transition = transition;
    this.fromState = fromState;
  }

  public String aggregate() {
    return aggregate;
  }

  public String transition() {
    return transition;
  }

  public String fromState() {
    return fromState;
  }
}
