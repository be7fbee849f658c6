package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.outbox.ProcessedMessages;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;

/**
 * Applies one CourseEvent from referral-service to the patient's ledger, exactly once: the
 * processed-message row, the fact, the ledger entries and the outgoing ResponsibilityEvents share
 * one transaction.
 */
@ApplicationScoped
public class CourseFactIngestion {

  public static final String CONSUMER = "responsibility-ledger";
  private static final Set<String> HEART_RULES = Set.of("W6", "W7", "W8");

  private final ProcessedMessages processed;
  private final CourseEventFacts facts;
  private final LedgerService ledger;

  public CourseFactIngestion(
      ProcessedMessages processed, CourseEventFacts facts, LedgerService ledger) {
    this.processed = processed;
    this.facts = facts;
    this.ledger = ledger;
  }

  /**
   * @return false for a redelivery (nothing done)
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public boolean apply(CourseEvent event) {
    if (!processed.firstTime(CONSUMER, event.eventId().toString())) {
      Log.debugf("Course event %s already applied", event.eventId());
      return false;
    }
    Patient patient = Patient.lockOrCreate(event.patientKey());
    if (CourseFact.exists(event.eventId())) {
      return false; // defence in depth: the fact table is unique on event id too
    }
    updatePatient(patient, event);
    ledger.record(patient, CourseFact.Source.COURSE_EVENT, facts.toFact(event));
    return true;
  }

  /**
   * The patient row keeps what answers, access and KPIs need: CPR (authorised answers only), listed
   * GP, municipality of residence, KPI course type.
   */
  private static void updatePatient(Patient patient, CourseEvent event) {
    if (patient.cpr == null && event.cpr() != null) {
      patient.cpr = event.cpr();
    }
    if (event.type() == CourseEventType.LISTED_GP_REGISTERED
        && (patient.listedGpSince == null || !event.occurredAt().isBefore(patient.listedGpSince))) {
      patient.listedGpSor =
          event.organisationSor(); // null: the patient has no listed GP (newcomer, between
      // practices)
      patient.listedGpSince = event.occurredAt();
      if (event.detail("municipalitySor") != null) {
        patient.municipalitySor = event.detail("municipalitySor");
      }
    }
    if (event.type() == CourseEventType.REFERRAL_RECEIVED) {
      if (patient.firstReferralAt == null || event.occurredAt().isBefore(patient.firstReferralAt)) {
        patient.firstReferralAt = event.occurredAt();
      }
      if ("true".equals(event.detail("cancer"))) {
        patient.courseType = Patient.CourseType.CANCER;
      } else if (isHeartRule(event.detail("waitingTimeRule"))
          && patient.courseType == Patient.CourseType.OTHER) {
        patient.courseType = Patient.CourseType.HEART;
      }
    }
    patient.updatedAt = Instant.now();
  }

  /**
   * Most referrals have no waiting-time rule (every referral to a practising specialist, most
   * non-cancer referrals): {@code Set.of(...).contains(null)} throws, which sent those facts to the
   * dead-letter topic (issue 12).
   */
  private static boolean isHeartRule(String waitingTimeRule) {
    return waitingTimeRule != null && HEART_RULES.contains(waitingTimeRule);
  }
}
