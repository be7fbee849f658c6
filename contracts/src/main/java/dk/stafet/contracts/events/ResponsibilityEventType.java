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
  WAITING_TIME_EXCEEDED,
  // The shared course and action plan (brief C10, docs/care-plan.md): one type per change.
  CARE_PLAN_CREATED,
  CARE_PLAN_ACTIVITY_CHANGED,
  CARE_PLAN_CASE_MANAGER_CHOSEN,
  CARE_PLAN_CLOSING_TALK_RECORDED,
  CARE_PLAN_COMPLETED,
  CARE_PLAN_REVOKED;

  /** True for the changes of a shared care plan (C10). */
  public boolean isCarePlanChange() {
    return name().startsWith("CARE_PLAN_");
  }

  public String cloudEventType() {
    return "dk.stafet.responsibility." + name().toLowerCase().replace('_', '-');
  }
}
