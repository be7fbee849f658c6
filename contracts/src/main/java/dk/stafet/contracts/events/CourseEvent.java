package dk.stafet.contracts.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A canonical course fact published by referral-service on {@link Topics#COURSE_EVENTS}.
 *
 * @param eventId unique per fact; consumers are idempotent on it
 * @param type what happened
 * @param occurredAt when it happened (event time; the ledger answers for this instant)
 * @param recordedAt when Stafet recorded it (for audit)
 * @param patientKey keyed pseudonym of the patient; the Kafka partition key
 * @param cpr the patient's CPR number (payload only: never a key, a header or a log line)
 * @param courseId the referral, admission or course this fact belongs to
 * @param organisationSor the organisation the fact is about (admitting department, referral
 *     receiver, ...)
 * @param counterpartSor the other party where there is one (referrer, forwarded-to organisation,
 *     listed GP, ...)
 * @param sourceMessageId MessageHeader.id of the MedCom message that reported it, or null for REST
 * @param details type-specific details, keys documented in docs/events.md (e.g. {@code reason},
 *     {@code referrerKind}, {@code courseKind}, {@code encounterClass}, {@code exit}, {@code
 *     hnCode}, {@code cancer}, {@code waitingTimeRule})
 */
public record CourseEvent(
    UUID eventId,
    CourseEventType type,
    Instant occurredAt,
    Instant recordedAt,
    String patientKey,
    String cpr,
    String courseId,
    String organisationSor,
    String counterpartSor,
    String sourceMessageId,
    Map<String, String> details) {

  public CourseEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /**
   * A fact that happened at {@code occurredAt}, recorded now under a new id and reported by no
   * MedCom message (a REST fact; tests and benchmarks build their facts so).
   */
  public static CourseEvent recordedNow(
      CourseEventType type,
      String patientKey,
      String cpr,
      Instant occurredAt,
      String courseId,
      String organisationSor,
      String counterpartSor,
      Map<String, String> details) {
    return new CourseEvent(
        UUID.randomUUID(),
        type,
        occurredAt,
        Instant.now(),
        patientKey,
        cpr,
        courseId,
        organisationSor,
        counterpartSor,
        null,
        details);
  }

  public String detail(String key) {
    return details.get(key);
  }

  @Override
  public String toString() {
    // No CPR number in logs.
    return "CourseEvent["
        + type
        + " "
        + eventId
        + " course="
        + courseId
        + " at "
        + occurredAt
        + "]";
  }
}
