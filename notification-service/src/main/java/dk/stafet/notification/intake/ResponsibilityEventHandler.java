package dk.stafet.notification.intake;

import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.ResponsibilityEvent;
import dk.stafet.contracts.outbox.ProcessedMessages;
import dk.stafet.notification.notify.Notifier;
import dk.stafet.notification.patient.PatientFacts;
import dk.stafet.notification.rules.NotificationRules;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A responsibility event, once: send the CareCommunications the rules ask for. */
@ApplicationScoped
public class ResponsibilityEventHandler {

  static final String CONSUMER = "notification-service.responsibility-events";

  private final ProcessedMessages processed;
  private final PatientFacts patients;
  private final NotificationRules rules;
  private final Notifier notifier;

  public ResponsibilityEventHandler(
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
    ResponsibilityEvent event = EventJson.read(payload, ResponsibilityEvent.class);
    String id = ceId != null ? ceId : String.valueOf(event.eventId());
    if (!processed.firstTime(CONSUMER, id)) {
      Log.debugf("Responsibility event %s seen before; skipped", id);
      return;
    }
    notifier.carryOut(
        rules.forResponsibilityEvent(event, patients.contextOf(event.patientKey())),
        event.eventId(),
        event.patientKey(),
        event.cpr(),
        event.occurredAt());
  }
}
