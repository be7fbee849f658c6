package dk.stafet.contracts.events;

/** What responsibility-service tells the others (docs/events.md). */
public enum ResponsibilityEventType {
  RESPONSIBILITY_CHANGED,
  DOCTOR_NAMED,
  HANDOVER_PROPOSED,
  HANDOVER_ACCEPTED,
  HANDOVER_REJECTED,
  HANDOVER_TIMED_OUT,
  GAP_DETECTED,
  NO_RECEIVER,
  WAITING_TIME_WARNING,
  WAITING_TIME_EXCEEDED;

  public String cloudEventType() {
    return "dk.stafet.responsibility." + name().toLowerCase().replace('_', '-');
  }
}
