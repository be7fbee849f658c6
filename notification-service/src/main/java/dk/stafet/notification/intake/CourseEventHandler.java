package dk.stafet.notification.intake;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.outbox.ProcessedMessages;
import dk.stafet.notification.notify.Notifier;
import dk.stafet.notification.patient.PatientFacts;
import dk.stafet.notification.rules.NotificationRules;
import dk.stafet.notification.rules.Plan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A course event, once: remember what it says about the patient, then send what the rules ask for.
 */
@ApplicationScoped
public class CourseEventHandler {

  static final String CONSUMER = "notification-service.course-events";

  private final ProcessedMessages processed;
  private final PatientFacts patients;
  private final NotificationRules rules;
  private final Notifier notifier;

  public CourseEventHandler(
      ProcessedMessages processed,
      PatientFacts patients,
      NotificationRules rules,
      Notifier notifier) {
    this.processed = processed;
    this.patients = patients;
    this.rules = rules;
    this.notifier = notifier;
  }

  @Transactional
  public void handle(String ceId, String payload) {
    CourseEvent event = EventJson.read(payload, CourseEvent.class);
    String id = ceId != null ? ceId : String.valueOf(event.eventId());
    if (!processed.firstTime(CONSUMER, id)) {
      Log.debugf("Course event %s seen before; skipped", id);
      return;
    }
    patients.apply(event);
    Plan plan = rules.forCourseEvent(event, patients.contextOf(event.patientKey()));
    notifier.carryOut(plan, event.eventId(), event.patientKey(), event.cpr(), event.occurredAt());
    if (event.type() == CourseEventType.DECEASED
        && event.courseId() == null
        && event.patientKey() != null) {
      patients.closeOpenStays(event.patientKey(), event.occurredAt());
    }
  }
}
