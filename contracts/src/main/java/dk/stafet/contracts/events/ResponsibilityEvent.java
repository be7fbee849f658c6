package dk.stafet.contracts.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change in who holds responsibility, a handover step or an alarm, on {@link
 * Topics#RESPONSIBILITY_EVENTS}.
 *
 * @param fromSor previous holder (or proposer)
 * @param toSor new holder (or proposed receiver)
 * @param rule the rule id that decided it (R5 … R27)
 * @param holderRole role of the new patient-responsible doctor's organisation
 * @param treatmentSector HOSPITAL, GP, OUT_OF_HOURS, SPECIALIST or NONE
 */
public record ResponsibilityEvent(
    UUID eventId,
    ResponsibilityEventType type,
    Instant occurredAt,
    String patientKey,
    String cpr,
    String courseId,
    String fromSor,
    String toSor,
    String rule,
    String holderRole,
    String treatmentSector,
    String causedByEventId,
    Map<String, String> details) {

  public ResponsibilityEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  @Override
  public String toString() {
    return "ResponsibilityEvent[" + type + " " + eventId + " rule=" + rule + "]";
  }
}
