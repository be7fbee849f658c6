package dk.stafet.web.stub;

import dk.stafet.web.client.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the in-test stubs of the three services answer, and what they were asked. Tests reset it and
 * change it; {@link ServiceStubs} reads it.
 */
public final class StubState {

  public static final String PATIENT = "p-0123456789abcdef0123456789abcdef";
  public static final String HOSTILE = "<script>alert('x')</script>";

  /** Akutafdelingen, Aarhus Universitetshospital. */
  public static final String HOSPITAL_DEPT = "999000000002016";

  /** Lægehuset Åbyhøj. */
  public static final String GP = "999000000018016";

  public static final String MUNICIPALITY_GLN = "5790000000005";
  public static final String CPR = "0102031234";

  /** The organisation of the development issuer's demo coordinators (who log in in the tests). */
  public static final String COORDINATOR = "999999000901001";

  /**
   * The organisation a stub call's bearer token acts for (its stafet_org claim), or "-" without
   * one. The stubs stand in for the services and do not verify; the services' own tests prove
   * verification.
   */
  public static String organisationOf(String authorization) {
    return claimOf(authorization, "stafet_org");
  }

  /** A claim of a stub call's bearer token, or "-" without a token. */
  public static String claimOf(String authorization, String claim) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "-";
    }
    try {
      String payload = authorization.substring(7).split("\\.")[1];
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.util.Base64.getUrlDecoder().decode(payload))
          .path(claim)
          .asText("-");
    } catch (Exception e) {
      return "?";
    }
  }

  /** Every call: "METHOD path organisation-of-its-token body". */
  public static final List<String> calls = new CopyOnWriteArrayList<>();

  /** The person (subject) of every call's token, in order. */
  public static final List<String> persons = new CopyOnWriteArrayList<>();

  /** A patient referral-service knows without a name (no message or register fact gave one). */
  public static final String UNNAMED_PATIENT = "p-fedcba9876543210fedcba9876543210";

  /** A patient referral-service names to nobody (unknown, or the caller is not involved). */
  public static final String UNKNOWN_PATIENT = "p-00000000000000000000000000000000";

  /** The patients' names as referral-service would answer them, by pseudonym. */
  public static final Map<String, Api.PatientIdentity> identities = new ConcurrentHashMap<>();

  public static volatile boolean identityEndpoint;

  public static final Map<String, Api.Handover> handovers = new ConcurrentHashMap<>();
  public static final List<Api.Delivery> deliveries = new CopyOnWriteArrayList<>();
  public static final List<Api.QuarantineEntry> quarantine = new CopyOnWriteArrayList<>();

  /** Parked records by service ("responsibility", "notification"). */
  public static final Map<String, List<Api.ParkedRecord>> parked = new ConcurrentHashMap<>();

  /** Open validation alarms by service ("referral", "notification"). */
  public static final Map<String, List<Api.ValidationAlarm>> validationAlarms =
      new ConcurrentHashMap<>();

  /** The shared plans of {@link #PATIENT}. */
  public static final List<Api.CarePlan> carePlans = new CopyOnWriteArrayList<>();

  public static volatile boolean attentionEndpoint;
  public static volatile boolean waitingEndpoint;
  public static volatile boolean responsibilityDown;

  private StubState() {}

  public static void reset() {
    identities.clear();
    identities.put(
        PATIENT,
        new Api.PatientIdentity(
            PATIENT,
            "Holm " + HOSTILE,
            "Ida Marie",
            LocalDate.of(1958, 3, 7),
            "070358-****",
            null));
    identities.put(
        UNNAMED_PATIENT,
        new Api.PatientIdentity(
            UNNAMED_PATIENT, null, null, LocalDate.of(1990, 12, 24), "241290-****", null));
    identityEndpoint = true;
    calls.clear();
    persons.clear();
    handovers.clear();
    deliveries.clear();
    quarantine.clear();
    parked.clear();
    parked.put("notification", new CopyOnWriteArrayList<>());
    carePlans.clear();
    carePlans.add(
        new Api.CarePlan(
            "c0ffee00-0000-4000-8000-000000000001",
            PATIENT,
            "CHILD",
            "ACTIVE",
            "Skolestart og træning " + HOSTILE,
            new Api.CarePlanOrg(GP, null),
            Instant.now().minusSeconds(86_400),
            List.of(
                new Api.CarePlanActivity(
                    "a1",
                    new Api.CarePlanOrg(HOSPITAL_DEPT, null),
                    "Genoptræningsforløb",
                    "ACTIVE",
                    java.time.LocalDate.of(2026, 11, 2),
                    null),
                new Api.CarePlanActivity(
                    "a2",
                    new Api.CarePlanOrg(GP, null),
                    "Opfølgning hos egen læge",
                    "PLANNED",
                    null,
                    null)),
            new Api.CarePlanCaseManager(
                new Api.CarePlanOrg(GP, null), null, "CITIZEN", Instant.now().minusSeconds(3_600)),
            List.of(new Api.CarePlanOrg(HOSPITAL_DEPT, null), new Api.CarePlanOrg(GP, null)),
            null,
            null,
            java.time.LocalDate.of(2027, 1, 15),
            true));
    validationAlarms.clear();
    validationAlarms.put("referral", new CopyOnWriteArrayList<>());
    validationAlarms.put("notification", new CopyOnWriteArrayList<>());
    attentionEndpoint = false;
    waitingEndpoint = false;
    responsibilityDown = false;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    handovers.put(
        "11111111-1111-1111-1111-111111111111",
        new Api.Handover(
            "11111111-1111-1111-1111-111111111111",
            PATIENT,
            HOSPITAL_DEPT,
            GP,
            null,
            "HOSPITAL_OUTPATIENT",
            "c1",
            "Udskrevet til opfølgning hos egen læge " + HOSTILE,
            true,
            false,
            null,
            now.minusSeconds(3600),
            now.plusSeconds(20 * 3600),
            "PROPOSED",
            null,
            null,
            null));
    deliveries.add(
        new Api.Delivery(
            "mh-dead-1",
            "HOSPITAL_NOTIFICATION",
            "STIN",
            "C4",
            "STAFET",
            MUNICIPALITY_GLN,
            null,
            "5790001382445",
            PATIENT,
            "DEAD_LETTER",
            "no acknowledgement " + HOSTILE,
            3,
            null,
            null,
            now.minusSeconds(7200),
            now.minusSeconds(1800),
            null));
    deliveries.add(
        new Api.Delivery(
            "mh-sent-1",
            "CARE_COMMUNICATION",
            null,
            "C2",
            "STAFET",
            MUNICIPALITY_GLN,
            null,
            "5790001382445",
            PATIENT,
            "SENT",
            null,
            1,
            now.plusSeconds(600),
            null,
            now.minusSeconds(60),
            now.minusSeconds(60),
            null));
    deliveries.add(
        new Api.Delivery(
            "mh-ack-1",
            "HOSPITAL_NOTIFICATION",
            "SLHJ",
            "C4",
            "STAFET",
            MUNICIPALITY_GLN,
            null,
            "5790001382445",
            PATIENT,
            "ACKNOWLEDGED",
            null,
            1,
            null,
            "ok",
            now.minusSeconds(600),
            now.minusSeconds(600),
            now.minusSeconds(540)));
    // A fact the ledger could not apply: the error text is what the service stored (already masked)
    // plus hostile text.
    parked.put(
        "responsibility",
        new CopyOnWriteArrayList<>(
            List.of(
                new Api.ParkedRecord(
                    7,
                    "PARKED",
                    "dk.stafet.course.referral-received",
                    "e-parked-1",
                    PATIENT,
                    "stafet.course-events",
                    "java.lang.NullPointerException",
                    "referral ********** without receiver " + HOSTILE,
                    now.minusSeconds(900),
                    now.minusSeconds(899),
                    1,
                    null))));
    quarantine.add(
        new Api.QuarantineEntry(
            "22222222-2222-2222-2222-222222222222",
            now.minusSeconds(300),
            "HTTP",
            "application/fhir+json",
            "5790001382445",
            "mh-q-1",
            "UNKNOWN_RECEIVER",
            "Unknown receiver " + HOSTILE,
            1234,
            "QUARANTINED",
            null,
            null));
  }

  public static Api.Ledger ledger() {
    Instant t0 = Instant.parse("2026-03-02T09:15:00Z");
    return new Api.Ledger(
        PATIENT,
        List.of(
            new Api.LedgerEntry(
                1,
                t0,
                t0.plusSeconds(86400),
                GP,
                "GP",
                null,
                null,
                "GP_OUT_OF_HOURS_SPLIT",
                "R5",
                "R5",
                null,
                null,
                null,
                null,
                "e-1",
                "LISTED_GP_REGISTERED",
                "NEW_STATE",
                t0,
                null,
                null,
                true),
            new Api.LedgerEntry(
                2,
                t0.plusSeconds(86400),
                null,
                HOSPITAL_DEPT,
                "HOSPITAL_DEPARTMENT",
                "DR-42",
                "Dr. " + HOSTILE,
                "HOSPITAL_24H",
                "R6",
                "R6",
                "ADMISSION",
                "a1",
                null,
                null,
                "e-2",
                "ADMISSION_STARTED",
                "NEW_STATE",
                t0.plusSeconds(86400),
                null,
                null,
                true),
            // An admission cancelled later: corrected, no longer part of the history as it stands.
            new Api.LedgerEntry(
                3,
                t0.plusSeconds(3600),
                t0.plusSeconds(7200),
                HOSPITAL_DEPT,
                "HOSPITAL_DEPARTMENT",
                null,
                null,
                "HOSPITAL_24H",
                "R7",
                "R7",
                "ADMISSION",
                "a0",
                null,
                null,
                "e-0",
                "ADMISSION_STARTED",
                "NEW_STATE",
                t0.plusSeconds(3600),
                null,
                List.of(4L),
                false)));
  }

  public static Api.WhoToCall whoToCall() {
    Instant now = Instant.now();
    Api.OrganisationRef org =
        new Api.OrganisationRef(HOSPITAL_DEPT, "Akutafdelingen " + HOSTILE, "HOSPITAL_DEPARTMENT");
    return new Api.WhoToCall(
        PATIENT,
        now,
        "HOSPITAL_DEPARTMENT_24H",
        new Api.Doctor("DR-42", "Dr. Jensen"),
        org,
        new Api.ContactPoint("78 45 00 00", "24h"),
        "R6",
        now.plusSeconds(3600),
        "HOSPITAL",
        new Api.Prd(org, new Api.Doctor("DR-42", "Dr. Jensen"), "R6", now.minusSeconds(86400)),
        null);
  }

  public static Api.Kpis kpis() {
    return new Api.Kpis(
        Instant.now(),
        List.of(
            new Api.CourseTypeKpis(
                "CANCER", 40, 34, 0.85, 0.9, 30, 3.5 * 86400, 4.0 * 86400, 1, 7200),
            new Api.CourseTypeKpis("HEART", 10, 10, 1.0, null, 8, 86400.0, 90000.0, 0, 0),
            new Api.CourseTypeKpis("OTHER", 0, 0, null, null, 0, null, null, 0, 0)));
  }

  /**
   * The patient's referrals as referral-service's lookup gives them, each open one with its
   * deadline.
   */
  public static List<Api.Referral> referrals() {
    Instant now = Instant.now();
    return List.of(
        new Api.Referral(
            "r-over",
            PATIENT,
            GP,
            HOSPITAL_DEPT,
            "RECEIVED",
            null,
            null,
            true,
            "DC50",
            "W1",
            now.minus(20, ChronoUnit.DAYS),
            null,
            null,
            null,
            waitingTime("first examination day", -6, "EXCEEDED")),
        new Api.Referral(
            "r-near",
            PATIENT,
            GP,
            HOSPITAL_DEPT,
            "ACCEPTED",
            null,
            null,
            true,
            "DC50",
            "W3",
            now.minus(12, ChronoUnit.DAYS),
            now.minus(12, ChronoUnit.DAYS),
            null,
            null,
            waitingTime("treatment starts", 2, "WARNING")),
        new Api.Referral(
            "r-fine",
            PATIENT,
            GP,
            HOSPITAL_DEPT,
            "RECEIVED",
            null,
            null,
            false,
            null,
            "W4",
            now.minus(1, ChronoUnit.DAYS),
            null,
            null,
            null,
            waitingTime("treatment starts", 27, "ON_TRACK")));
  }

  /** referral-service's waiting-time list: the same referrals, flat, with status. */
  public static List<Api.WaitingTimeReferral> waitingTimeReferrals() {
    return referrals().stream()
        .map(
            r ->
                new Api.WaitingTimeReferral(
                    r.id(),
                    r.patientKey(),
                    r.referrerSor(),
                    r.receiverSor(),
                    r.state(),
                    r.cancer(),
                    r.conditionCode(),
                    r.waitingTimeRule(),
                    r.waitingTime().awaiting(),
                    r.waitingTime().limit(),
                    14,
                    "CALENDAR_DAYS",
                    "RECEIVED",
                    r.receivedAt(),
                    r.visitedAt(),
                    r.waitingTime().deadline(),
                    r.waitingTime().deadlineAt(),
                    r.waitingTime().daysLeft(),
                    r.waitingTime().status()))
        .toList();
  }

  /**
   * Messages the front door received about the patient; one was a rejected letter, one arrived
   * twice.
   */
  public static List<Api.ReceivedMessage> receivedMessages() {
    Instant t0 = Instant.parse("2026-03-02T09:10:00Z");
    return List.of(
        new Api.ReceivedMessage(
            "HospitalNotification",
            "mh-in-1",
            HOSPITAL_DEPT,
            "5790001382445",
            "999999000016001",
            "5790000000005",
            t0,
            2,
            "ACCEPTED",
            "ok"),
        new Api.ReceivedMessage(
            "CareCommunication " + HOSTILE,
            "mh-in-2",
            GP,
            "5790000123456",
            "999999000016001",
            "5790000000005",
            t0.plusSeconds(600),
            1,
            "REJECTED",
            "fatal-error"),
        // A CareCommunication thread: the department writes, the GP replies, the department
        // forwards the reply to the municipality; and a reply to a letter Stafet never received.
        careCommunication(
            "mh-cc-reply",
            HOSPITAL_DEPT,
            "t-1",
            "reply-message",
            "mh-cc-1",
            null,
            t0.plusSeconds(1800)),
        careCommunication(
            "mh-cc-forward",
            HOSPITAL_DEPT,
            "t-2",
            "forward-message",
            "mh-cc-reply",
            null,
            t0.plusSeconds(2400)),
        careCommunication("mh-cc-1", GP, "t-1", "new-message", null, null, t0.plusSeconds(1200)),
        careCommunication(
            "mh-cc-orphan",
            GP,
            "t-3",
            "reply-message",
            "mh-elsewhere",
            "EARLIER_MESSAGE_UNKNOWN",
            t0.plusSeconds(300)),
        // A reply to a letter Stafet sent itself (the front door cannot know it: flagged there).
        careCommunication(
            "mh-cc-ours",
            GP,
            "t-4",
            "reply-message",
            "mh-dead-1",
            "EARLIER_MESSAGE_UNKNOWN",
            t0.plusSeconds(3000)));
  }

  private static Api.ReceivedMessage careCommunication(
      String id,
      String senderSor,
      String thread,
      String activity,
      String inResponseTo,
      String note,
      Instant at) {
    return new Api.ReceivedMessage(
        "CARE_COMMUNICATION",
        id,
        senderSor,
        null,
        "999999000016001",
        "5790000000005",
        at,
        1,
        "ACCEPTED",
        "ok",
        "urn:uuid:" + thread + "-000000-0000-0000-000000000000",
        activity,
        inResponseTo,
        note);
  }

  private static Api.WaitingTime waitingTime(String awaiting, long daysLeft, String status) {
    LocalDate lastDay = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(daysLeft);
    return new Api.WaitingTime(
        awaiting,
        "14 days from referral received",
        lastDay,
        lastDay.plusDays(1).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant(),
        daysLeft,
        status);
  }
}
