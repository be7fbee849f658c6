package dk.stafet.referral.course.service;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.outbox.Outbox;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records a course fact: a {@code course_transition} history row and, when the fact changed
 * something, the {@link CourseEvent} in the transactional outbox — both in the caller's
 * transaction.
 */
@ApplicationScoped
public class FactRecorder {

  private final Outbox outbox;

  public FactRecorder(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Starts describing one fact about {@code aggregateId} of {@code patient}. */
  public Fact fact(
      CourseTransition.Aggregate aggregate,
      String aggregateId,
      Patient patient,
      String transition) {
    return new Fact(aggregate, aggregateId, patient, transition);
  }

  /** One fact being described; {@link #record()} writes it. */
  public final class Fact {
    private final CourseTransition.Aggregate aggregate;
    private final String aggregateId;
    private final Patient patient;
    private final String transition;
    private final Map<String, String> details = new LinkedHashMap<>();
    private String fromState;
    private String toState;
    private Instant occurredAt;
    private String actorSor;
    private String sourceMessageId;
    private CourseEventType eventType;
    private String organisationSor;
    private String counterpartSor;
    private boolean effective = true;

    private Fact(
        CourseTransition.Aggregate aggregate,
        String aggregateId,
        Patient patient,
        String transition) {
      this.aggregate = aggregate;
      this.aggregateId = aggregateId;
      this.patient = patient;
      this.transition = transition;
    }

    public Fact states(Object from, Object to) {
      this.fromState = from == null ? null : from.toString();
      this.toState = to.toString();
      return this;
    }

    public Fact at(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    public Fact by(String actorSor) {
      this.actorSor = actorSor;
      return this;
    }

    public Fact message(String sourceMessageId) {
      this.sourceMessageId = sourceMessageId;
      return this;
    }

    /**
     * Publishes {@code type} for this fact (ignored for a history-only fact); without it nothing is
     * published.
     */
    public Fact event(CourseEventType type, String organisationSor, String counterpartSor) {
      this.eventType = effective ? type : null;
      this.organisationSor = organisationSor;
      this.counterpartSor = counterpartSor;
      return this;
    }

    /** The fact changed nothing: history only, and no event even if one was named. */
    public Fact historyOnly() {
      this.effective = false;
      this.eventType = null;
      return this;
    }

    /** Adds an event detail; null values are left out. */
    public Fact detail(String key, Object value) {
      if (value != null) {
        details.put(key, value instanceof Enum<?> e ? e.name() : value.toString());
      }
      return this;
    }

    /**
     * Writes the history row and the event (if any) in the caller's transaction (the outbox
     * requires one); returns the event id, or null for history only.
     */
    public UUID record() {
      Instant recordedAt = Instant.now();
      UUID eventId = null;
      if (eventType != null) {
        eventId = UUID.randomUUID();
        // Every event names the patient as far as Stafet knows it (docs/events.md).
        if (patient.familyName != null) {
          details.putIfAbsent("patientFamilyName", patient.familyName);
          if (patient.givenNames != null) {
            details.putIfAbsent("patientGivenNames", patient.givenNames);
          }
        }
        CourseEvent event =
            new CourseEvent(
                eventId,
                eventType,
                occurredAt,
                recordedAt,
                patient.patientKey,
                patient.cpr,
                courseId(),
                organisationSor,
                counterpartSor,
                sourceMessageId,
                details);
        outbox.add(
            Topics.COURSE_EVENTS,
            eventId,
            patient.patientKey,
            eventType.cloudEventType(),
            courseId(),
            event);
      }
      CourseTransition row = new CourseTransition();
      row.id = UUID.randomUUID();
      row.aggregateType = aggregate;
      row.aggregateId = aggregateId;
      row.patientKey = patient.patientKey;
      row.transition = transition;
      row.fromState = fromState;
      row.toState = toState;
      row.effective = effective;
      row.occurredAt = occurredAt;
      row.recordedAt = recordedAt;
      row.actorSor = actorSor;
      row.sourceMessageId = sourceMessageId;
      row.eventId = eventId;
      row.persist();
      return eventId;
    }

    /** Patient facts (listed GP, death without a stay) belong to no course. */
    private String courseId() {
      return aggregate == CourseTransition.Aggregate.PATIENT ? null : aggregateId;
    }
  }
}
