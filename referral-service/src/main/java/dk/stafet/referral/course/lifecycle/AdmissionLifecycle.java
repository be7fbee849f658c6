package dk.stafet.referral.course.lifecycle;

/**
 * The hospital stay state machine (MedCom HospitalNotification semantics): admitted ⇄ on leave →
 * discharged | deceased; cancelled (registered in error) from any state before discharge; the
 * AN_STOR, AN_SLOR and AN_SLHJ corrections undo the last leave start, leave end or discharge. After
 * discharge nothing but the correction of the discharge changes the stay: a start notification
 * arriving after SLHJ for the same episode leaves it discharged and is kept as history only (MedCom
 * test HN TEK_STIN_B).
 */
public final class AdmissionLifecycle {

  public static final String AGGREGATE = "hospital-stay";

  /**
   * The outcome of a transition.
   *
   * @param effective false when the notification is only recorded as history and changes nothing
   *     (no event)
   */
  public record Step(
      AdmissionState from, AdmissionState to, AdmissionTransition transition, boolean effective) {}

  private AdmissionLifecycle() {}

  /** The state a new stay starts in. */
  public static AdmissionState initial() {
    return AdmissionState.IN_PROGRESS;
  }

  /**
   * Applies {@code transition} to a stay in state {@code from}.
   *
   * @param lastEffective the last transition that changed the stay (AN_SLOR is only valid right
   *     after a leave ended)
   * @throws InvalidTransitionException if the transition is not allowed
   */
  public static Step apply(
      AdmissionState from, AdmissionTransition lastEffective, AdmissionTransition transition) {
    if (from == null) {
      throw new InvalidTransitionException(AGGREGATE, transition, null);
    }
    return switch (transition) {
      case ADMIT ->
          switch (from) {
            // A repeated start notification for the same stay changes nothing; after discharge or
            // death it is history.
            case IN_PROGRESS, DISCHARGED, DECEASED -> recorded(from, transition);
            default -> refuse(from, transition);
          };
      case CHANGE_CLASS ->
          switch (from) {
            case IN_PROGRESS -> move(from, AdmissionState.IN_PROGRESS, transition);
            case DISCHARGED, DECEASED -> recorded(from, transition);
            default -> refuse(from, transition);
          };
      case START_LEAVE ->
          only(from, AdmissionState.IN_PROGRESS, AdmissionState.ON_LEAVE, transition);
      case END_LEAVE -> only(from, AdmissionState.ON_LEAVE, AdmissionState.IN_PROGRESS, transition);
      case DISCHARGE ->
          from.isActive()
              ? move(from, AdmissionState.DISCHARGED, transition)
              : refuse(from, transition);
      case DIE ->
          switch (from) {
            case IN_PROGRESS, ON_LEAVE -> move(from, AdmissionState.DECEASED, transition);
            // Death after discharge is a fact about the patient, not the stay; a second death
            // notice is a duplicate.
            case DISCHARGED, DECEASED -> recorded(from, transition);
            default -> refuse(from, transition);
          };
      case CANCEL_ADMISSION ->
          from.isActive()
              ? move(from, AdmissionState.CANCELLED, transition)
              : refuse(from, transition);
      case CANCEL_LEAVE_START ->
          only(from, AdmissionState.ON_LEAVE, AdmissionState.IN_PROGRESS, transition);
      case CANCEL_LEAVE_END -> {
        if (from == AdmissionState.IN_PROGRESS && lastEffective == AdmissionTransition.END_LEAVE) {
          yield move(from, AdmissionState.ON_LEAVE, transition);
        }
        throw new InvalidTransitionException(
            AGGREGATE,
            transition.name(),
            from.name(),
            from == AdmissionState.IN_PROGRESS
                ? "the last change was not the end of a leave"
                : null);
      }
      case CANCEL_DISCHARGE ->
          only(from, AdmissionState.DISCHARGED, AdmissionState.IN_PROGRESS, transition);
    };
  }

  private static Step only(
      AdmissionState from,
      AdmissionState required,
      AdmissionState to,
      AdmissionTransition transition) {
    return from == required ? move(from, to, transition) : refuse(from, transition);
  }

  private static Step move(AdmissionState from, AdmissionState to, AdmissionTransition transition) {
    return new Step(from, to, transition, true);
  }

  private static Step recorded(AdmissionState from, AdmissionTransition transition) {
    return new Step(from, from, transition, false);
  }

  private static Step refuse(AdmissionState from, AdmissionTransition transition) {
    throw new InvalidTransitionException(AGGREGATE, transition, from);
  }
}
