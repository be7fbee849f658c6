package dk.stafet.responsibility.messaging;

import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.outbox.Outbox;
import dk.stafet.responsibility.ledger.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@link ResponsibilityEvent}s on stafet.responsibility-events through the transactional
 * outbox: the event is stored in the transaction of the change it reports, keyed by the patient
 * pseudonym (per-patient order).
 */
@ApplicationScoped
public class ResponsibilityEvents {

  private final Outbox outbox;

  public ResponsibilityEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public Draft draft(Patient patient, ResponsibilityEventType type, Instant occurredAt) {
    return new Draft(patient, type, occurredAt);
  }

  /**
   * One event being described; {@link #publish()} adds it to the outbox in the caller's
   * transaction.
   */
  public final class Draft {
    private final Patient patient;
    private final ResponsibilityEventType type;
    private final Instant occurredAt;
    private final Map<String, String> details = new LinkedHashMap<>();
    private String courseId;
    private String fromSor;
    private String toSor;
    private String rule;
    private String holderRole;
    private String treatmentSector;
    private String causedBy;

    private Draft(Patient patient, ResponsibilityEventType type, Instant occurredAt) {
      this.patient = patient;
      this.type = type;
      this.occurredAt = occurredAt;
    }

    public Draft course(String id) {
      this.courseId = id;
      return this;
    }

    public Draft from(String sor) {
      this.fromSor = sor;
      return this;
    }

    public Draft to(String sor) {
      this.toSor = sor;
      return this;
    }

    public Draft rule(String ruleId) {
      this.rule = ruleId;
      return this;
    }

    public Draft holderRole(String role) {
      this.holderRole = role;
      return this;
    }

    public Draft treatmentSector(String sector) {
      this.treatmentSector = sector;
      return this;
    }

    public Draft causedBy(String eventId) {
      this.causedBy = eventId;
      return this;
    }

    /**
     * Adds a detail; null values are left out. Never clinical free text (notification-service may
     * log details).
     */
    public Draft detail(String key, Object value) {
      if (value != null) {
        details.put(key, value.toString());
      }
      return this;
    }

    public UUID publish() {
      UUID id = UUID.randomUUID();
      ResponsibilityEvent event =
          new ResponsibilityEvent(
              id,
              type,
              occurredAt,
              patient.patientKey,
              patient.cpr,
              courseId,
              fromSor,
              toSor,
              rule,
              holderRole,
              treatmentSector,
              causedBy,
              details);
      outbox.add(
          Topics.RESPONSIBILITY_EVENTS,
          id,
          patient.patientKey,
          type.cloudEventType(),
          courseId,
          event);
      return id;
    }
  }
}
