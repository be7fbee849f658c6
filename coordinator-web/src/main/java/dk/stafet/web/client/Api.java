package dk.stafet.web.client;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The parts of the three services' JSON answers the pages read. Unknown fields are ignored, so a
 * service may add fields without breaking the pages.
 */
public final class Api {

  /**
   * The header carrying the caller's bearer token ({@code Bearer <token>}): the logged-in user's
   * access token, which {@code @AccessToken} on the REST clients passes on.
   */
  public static final String AUTHORIZATION = "Authorization";

  private Api() {}

  // ---- responsibility-service ----

  @TemplateData
  public record Doctor(String id, String name) {}

  @TemplateData
  public record Handover(
      String id,
      String patientKey,
      String fromSor,
      String toSor,
      Doctor toDoctor,
      String courseKind,
      String courseId,
      String reason,
      boolean patientInformed,
      boolean relativesInformed,
      String agreementChannel,
      Instant proposedAt,
      Instant respondBy,
      String state,
      Instant timedOutAt,
      Instant decidedAt,
      String rejectionReason) {}

  public record Accept(String agreementChannel, Instant occurredAt) {}

  public record Reject(String reason, Instant occurredAt) {}

  @TemplateData
  public record LedgerEntry(
      long entryNo,
      Instant validFrom,
      Instant validTo,
      String holderSor,
      String holderKind,
      String doctorId,
      String doctorName,
      String treatment,
      String rule,
      String treatmentRule,
      String courseKind,
      String courseId,
      String alarm,
      String alarmReason,
      String causedByEvent,
      String causedByEventType,
      String reason,
      Instant recordedAt,
      List<Long> corrects,
      List<Long> correctedBy,
      boolean current) {}

  @TemplateData
  public record Ledger(String patientKey, List<LedgerEntry> entries) {}

  @TemplateData
  public record OrganisationRef(String sor, String name, String kind) {}

  @TemplateData
  public record ContactPoint(String phone, String openingHours) {}

  @TemplateData
  public record Prd(OrganisationRef organisation, Doctor doctor, String rule, Instant since) {}

  @TemplateData
  public record WhoToCall(
      String patientKey,
      Instant at,
      String role,
      Doctor namedDoctor,
      OrganisationRef organisation,
      ContactPoint contactPoint,
      String rule,
      Instant validUntil,
      String treatmentSector,
      Prd patientResponsibleDoctor,
      String alarm) {}

  @TemplateData
  public record LookupAnswer(String patientKey, WhoToCall whoToCall) {}

  public record CprBody(String cpr) {

    @Override
    public String toString() {
      return "CprBody[]";
    }
  }

  @TemplateData
  public record CourseTypeKpis(
      String courseType,
      long activePatients,
      long withNamedDoctor,
      Double namedPrdShare,
      Double target,
      long referralToNamedCount,
      Double referralToNamedMedianSeconds,
      Double referralToNamedMeanSeconds,
      long gaps,
      double gapSeconds) {

    public long withoutNamedDoctor() {
      return Math.max(0, activePatients - withNamedDoctor);
    }
  }

  @TemplateData
  public record Kpis(Instant computedAt, List<CourseTypeKpis> courseTypes) {}

  /**
   * A patient needing attention: no named doctor, or an R26 alarm, from responsibility-service's
   * coordinator list {@code GET /api/patients/attention} (docs/responsibility-api.md).
   */
  @TemplateData
  public record Attention(
      String patientKey,
      String holderSor,
      String holderKind,
      String rule,
      Instant since,
      String alarm,
      String courseKind,
      boolean cancer,
      List<String> reasons,
      LocalDate transitionAt) {

    /** Listed (also) because a child's plan must agree the transition at 18. */
    public boolean transition() {
      return reasons != null && reasons.contains("transition-at-18");
    }

    /** Listed for something about responsibility now, not only for the coming transition. */
    public boolean responsibility() {
      return reasons == null || reasons.stream().anyMatch(r -> !r.equals("transition-at-18"));
    }
  }

  // ---- referral-service ----

  /**
   * Where an open referral stands against its maximum waiting time, as referral-service assesses it
   * (the one place deadlines are computed, with the rules W1–W8 as data): status PENDING (no clock
   * yet), ON_TRACK, WARNING or EXCEEDED; {@code daysLeft} 0 = today is the last day, negative =
   * days over.
   */
  @TemplateData
  public record WaitingTime(
      String awaiting,
      String limit,
      LocalDate deadline,
      Instant deadlineAt,
      Long daysLeft,
      String status) {}

  @TemplateData
  public record Referral(
      String id,
      String patientKey,
      String referrerSor,
      String receiverSor,
      String state,
      String reason,
      String forwardedToSor,
      boolean cancer,
      String conditionCode,
      String waitingTimeRule,
      Instant receivedAt,
      Instant visitedAt,
      Instant startedAt,
      Instant endedAt,
      WaitingTime waitingTime) {}

  /**
   * An open referral on the coordinators' waiting-time list ({@code GET
   * /api/referrals/waiting-times}).
   */
  @TemplateData
  public record WaitingTimeReferral(
      String id,
      String patientKey,
      String referrerSor,
      String receiverSor,
      String state,
      boolean cancer,
      String conditionCode,
      String waitingTimeRule,
      String awaiting,
      String limit,
      Integer limitDays,
      String limitUnit,
      String limitStart,
      Instant receivedAt,
      Instant visitedAt,
      LocalDate deadline,
      Instant deadlineAt,
      Long daysLeft,
      String status) {}

  /**
   * Counts behind the KPI panel's waiting-time line ({@code GET
   * /api/referrals/waiting-times/summary}).
   */
  @TemplateData
  public record WaitingTimeSummary(
      long open,
      long pending,
      long onTrack,
      long warning,
      long exceeded,
      long exceededAlerts,
      long warningAlerts) {}

  /**
   * A MedCom message the front door received about the patient, with the acknowledgement Stafet
   * answered.
   */
  @TemplateData
  /**
   * A MedCom message the front door received; a CareCommunication's thread id, activity
   * (new-message, reply-message, forward-message), the letter it answers and a thread note.
   */
  public record ReceivedMessage(
      String messageType,
      String messageHeaderId,
      String senderSor,
      String senderGln,
      String receiverSor,
      String receiverGln,
      Instant receivedAt,
      int timesReceived,
      String outcome,
      String ackCode,
      String threadId,
      String threadActivity,
      String inResponseTo,
      String threadNote) {

    /** A message outside any thread (a HospitalNotification, or from before threads were read). */
    public ReceivedMessage(
        String messageType,
        String messageHeaderId,
        String senderSor,
        String senderGln,
        String receiverSor,
        String receiverGln,
        Instant receivedAt,
        int timesReceived,
        String outcome,
        String ackCode) {
      this(
          messageType,
          messageHeaderId,
          senderSor,
          senderGln,
          receiverSor,
          receiverGln,
          receivedAt,
          timesReceived,
          outcome,
          ackCode,
          null,
          null,
          null,
          null);
    }
  }

  /**
   * Who a patient is ({@code GET /api/patients/identities}): the official name where a message or
   * register fact gave one, the birth date and the CPR number with its last four digits masked.
   */
  public record PatientIdentity(
      String patientKey,
      String familyName,
      String givenNames,
      LocalDate birthDate,
      String cprMasked,
      Instant deceasedAt) {}

  @TemplateData
  public record HospitalStay(
      String id,
      String serviceProviderSor,
      String encounterClass,
      String state,
      Instant admittedAt,
      Instant dischargedAt) {}

  @TemplateData
  public record Course(
      String id, String kind, String ownerSor, String state, Instant startedAt, Instant endedAt) {}

  @TemplateData
  public record PatientOverview(
      String patientKey,
      String listedGpSor,
      String municipalitySor,
      Instant deceasedAt,
      List<Referral> referrals,
      List<HospitalStay> hospitalStays,
      List<Course> courses) {}

  @TemplateData
  public record QuarantineEntry(
      String id,
      Instant receivedAt,
      String channel,
      String contentType,
      String senderGln,
      String messageHeaderId,
      String reasonCode,
      String reason,
      int sizeBytes,
      String status,
      Instant replayedAt,
      String replayOutcome) {}

  @TemplateData
  public record QuarantinePage(long total, List<QuarantineEntry> entries) {}

  @TemplateData
  public record ReplayResult(
      String id, String disposition, String ackCode, String newQuarantineId) {}

  // ---- every service that dead-letters (service-support's parked records) ----

  /**
   * A record a consumer could not apply (GET /api/parked); never the payload, never a CPR number.
   */
  @TemplateData
  public record ParkedRecord(
      long id,
      String state,
      String eventType,
      String messageId,
      String patientKey,
      String sourceTopic,
      String errorClass,
      String errorMessage,
      Instant failedAt,
      Instant parkedAt,
      int attempts,
      Long replayOf) {}

  /** A parked record and the service that holds it (the page's replay goes back there). */
  @TemplateData
  public record ParkedItem(String service, ParkedRecord record) {}

  // ---- responsibility-service: the shared course and action plan (docs/care-plan.md) ----

  @TemplateData
  public record CarePlanOrg(String sor, String name) {}

  @TemplateData
  public record CarePlanActivity(
      String id,
      CarePlanOrg owner,
      String description,
      String status,
      LocalDate start,
      LocalDate end) {}

  @TemplateData
  public record CarePlanCaseManager(
      CarePlanOrg organisation, String person, String chosenBy, Instant chosenAt) {}

  @TemplateData
  public record CarePlanClosingTalk(Instant at, CarePlanOrg heldBy) {}

  /** The citizen's (or staff's) choice of case manager: an organisation with an activity. */
  public record ChooseCaseManager(String organisationSor, String person) {}

  /** A patient's shared plan (GET /api/care-plans?patientKey=): who does what, the case manager. */
  @TemplateData
  public record CarePlan(
      String id,
      String patientKey,
      String kind,
      String status,
      String title,
      CarePlanOrg author,
      Instant createdAt,
      List<CarePlanActivity> activities,
      CarePlanCaseManager caseManager,
      List<CarePlanOrg> caseManagerChoices,
      CarePlanClosingTalk closingTalk,
      Instant endedAt,
      LocalDate transitionAt,
      boolean transitionNeedsAttention) {}

  // ---- every service that validates MedCom input (service-support's validation alarms) ----

  /**
   * HAPI rejected a message the compiled validation fast path had accepted (GET
   * /api/validation-alarms): message type and element paths, never values.
   */
  @TemplateData
  public record ValidationAlarm(
      long id, Instant raisedAt, String messageType, List<String> errorPaths) {}

  /** A validation alarm and the service that raised it (acknowledged there). */
  @TemplateData
  public record ValidationAlarmItem(String service, ValidationAlarm alarm) {}

  // ---- notification-service ----

  @TemplateData
  public record Delivery(
      String messageHeaderId,
      String messageType,
      String eventCode,
      String duty,
      String origin,
      String recipientGln,
      String recipientSor,
      String senderGln,
      String patientKey,
      String state,
      String stateReason,
      int attempts,
      Instant nextAttemptAt,
      String ackCode,
      Instant createdAt,
      Instant lastSentAt,
      Instant acknowledgedAt) {}

  @TemplateData
  public record StateCount(String state, String recipientGln, long count) {}
}
