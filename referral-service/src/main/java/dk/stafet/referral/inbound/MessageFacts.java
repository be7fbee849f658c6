package dk.stafet.referral.inbound;

import dk.stafet.contracts.medcom.HospitalNotificationEvent;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.medcom.MedcomViews.EncounterView;
import dk.stafet.contracts.medcom.MedcomViews.IdentifierView;
import dk.stafet.contracts.medcom.MessageType;
import dk.stafet.referral.course.EncounterClass;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.lifecycle.AdmissionState;
import dk.stafet.referral.course.service.HospitalStayService;
import dk.stafet.referral.course.service.Patients;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns an accepted MedCom message into course facts. A HospitalNotification carries the history of
 * its stay (admission start, leave period, end), so the stay is brought in line with the message: a
 * discharge for a stay Stafet never saw admitted records the admission first, at its own start
 * time. What the message says that is already known is history, not a second fact. Runs in the
 * caller's transaction, so facts, events and the acknowledgement commit together.
 */
@ApplicationScoped
public class MessageFacts {

  private final HospitalStayService stays;
  private final Patients patients;

  public MessageFacts(HospitalStayService stays, Patients patients) {
    this.stays = stays;
    this.patients = patients;
  }

  public void apply(MedcomMessage message, String patientKey) {
    if (message.messageType() == MessageType.CARE_COMMUNICATION) {
      // CareCommunications are delivered, not interpreted: their content is clinical
      // correspondence. The patient they name is recorded, so that the messages and their threads
      // can be read per patient (docs/front-door.md, "CareCommunication threads").
      message
          .patient()
          .ifPresent(
              named ->
                  named
                      .cprValue()
                      .ifPresent(
                          cpr ->
                              Patients.rememberName(
                                  patients.findOrCreate(cpr),
                                  named.familyName(),
                                  named.givenNames())));
      return;
    }
    if (message.messageType() != MessageType.HOSPITAL_NOTIFICATION) {
      return;
    }
    Optional<HospitalNotificationEvent> code = message.hospitalNotificationEvent();
    Optional<EncounterView> encounter = message.encounter();
    Optional<String> cpr = message.patient().flatMap(patient -> patient.cprValue());
    if (code.isEmpty()
        || encounter.isEmpty()
        || cpr.isEmpty()
        || encounter.get().serviceProvider() == null) {
      Log.infof(
          "HospitalNotification %s carries no course fact Stafet can record",
          message.messageHeaderId());
      return;
    }
    // The message names the patient officially: the facts below, and every message Stafet sends
    // about them later, carry that name (docs/events.md).
    message
        .patient()
        .ifPresent(
            named ->
                Patients.rememberName(
                    patients.findOrCreate(cpr.get()), named.familyName(), named.givenNames()));
    Stay stay = new Stay(cpr.get(), encounter.get(), message.messageHeaderId());
    switch (code.get()) {
      case STIN, STAA, RE_STIN, RE_STAA -> stay.admitted();
      case STOR -> stay.onLeave();
      case SLOR -> stay.backFromLeave();
      case SLHJ -> stay.discharged();
      case MORS, RE_MORS -> stay.deceased();
      case AN_STIN, AN_STAA ->
          stay.ifKnown(
              state -> state.isActive(),
              () -> stays.cancelAdmission(stay.episode, stay.provider, stay.now(), stay.messageId));
      case AN_STOR ->
          stay.ifKnown(
              state -> state == AdmissionState.ON_LEAVE,
              () ->
                  stays.cancelLeaveStart(stay.episode, stay.provider, stay.now(), stay.messageId));
      case AN_SLOR ->
          stay.ifKnown(
              state -> state == AdmissionState.IN_PROGRESS,
              () -> stays.cancelLeaveEnd(stay.episode, stay.provider, stay.now(), stay.messageId));
      case AN_SLHJ ->
          stay.ifKnown(
              state -> state == AdmissionState.DISCHARGED,
              () -> stays.cancelDischarge(stay.episode, stay.provider, stay.now(), stay.messageId));
      default ->
          Log.infof(
              "HospitalNotification %s (%s) is kept as history",
              message.messageHeaderId(), code.get());
    }
  }

  /**
   * One stay as the message describes it, and the steps that bring Stafet's record of it in line.
   */
  private final class Stay {
    final String cpr;
    final EncounterView encounter;
    final String messageId;
    final String episode;
    final String provider;

    Stay(String cpr, EncounterView encounter, String messageId) {
      this.cpr = cpr;
      this.encounter = encounter;
      this.messageId = messageId;
      this.episode = episodeOfCareId(encounter);
      this.provider = encounter.serviceProvider().sor();
    }

    Optional<AdmissionState> state() {
      return HospitalStay.byEpisode(episode, provider).map(stay -> stay.state);
    }

    void admitted() {
      EncounterClass encounterClass =
          "EMER".equals(encounter.classCode()) ? EncounterClass.EMER : EncounterClass.IMP;
      stays.admit(cpr, episode, provider, encounterClass, at(encounter.periodStart()), messageId);
    }

    void onLeave() {
      if (state().isEmpty()) {
        admitted();
      }
      if (state().filter(s -> s == AdmissionState.IN_PROGRESS).isPresent()) {
        stays.startLeave(episode, provider, at(encounter.leaveStart()), messageId);
      }
    }

    void backFromLeave() {
      onLeave();
      if (state().filter(s -> s == AdmissionState.ON_LEAVE).isPresent()) {
        stays.endLeave(episode, provider, at(encounter.leaveEnd()), messageId);
      }
    }

    void discharged() {
      if (state().isEmpty()) {
        admitted();
      }
      if (state().filter(AdmissionState::isActive).isPresent()) {
        stays.discharge(episode, provider, at(encounter.periodEnd()), messageId);
      }
    }

    void deceased() {
      if (state().isEmpty()) {
        admitted();
      }
      stays.recordDeath(episode, provider, at(encounter.periodEnd()), messageId);
    }

    void ifKnown(java.util.function.Predicate<AdmissionState> applies, Runnable step) {
      Optional<AdmissionState> current = state();
      if (current.isPresent() && applies.test(current.get())) {
        step.run();
      } else {
        Log.infof(
            "Cancellation %s does not match the stay's current state; kept as history", messageId);
      }
    }

    Instant now() {
      return Instant.now();
    }

    private Instant at(Instant eventTime) {
      return eventTime != null ? eventTime : Instant.now();
    }
  }

  /**
   * The local episode-of-care id is preferred to the LPR3 one, as MedCom asks receivers to echo it.
   */
  private static String episodeOfCareId(EncounterView encounter) {
    return encounter.episodeOfCareIdentifiers().stream()
        .sorted((a, b) -> Boolean.compare(isLpr3(a), isLpr3(b)))
        .map(IdentifierView::value)
        .findFirst()
        .orElse("unknown-episode");
  }

  private static boolean isLpr3(IdentifierView identifier) {
    return identifier.system() != null && identifier.system().contains("Landspatientregisteret");
  }
}
