package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dk.stafet.e2e.Polling.Attempt;
import dk.stafet.issuer.DevIssuer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every referral path of issue 13 through the real services, each from its runnable jar as a
 * separate process, over a real Kafka broker and real PostgreSQL: the facts go in through
 * referral-service's REST API as an organisation's own system sends them, the answers come from
 * responsibility-service's point-in-time API (responsibility and who to call at an instant).
 *
 * <p>They run on {@link HospitalNotificationEndToEndIT}'s stack (a nested class there, before its
 * scan for CPR numbers, which then covers their traffic too) instead of starting one of their own:
 * a stack costs ~25 s of CI's 30 minutes.
 */
abstract class ReferralPathsScenarios {

  private static final ZoneId DK = ZoneId.of("Europe/Copenhagen");
  private static final String CARDIOLOGY_AARHUS = "999000000003016";
  private static final String MEDICAL_RANDERS = "999000000010016";
  private static final String GP_TROEJBORG = "999000000019016";
  private static final String SPECIALIST_INTERNAL_MEDICINE = "999000000027016";
  private static final String AARHUS_KOMMUNE = "999000000029016";
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);

  /** The parts of a running stack these scenarios use. */
  record Stack(
      HttpClient http, DevIssuer issuer, ServiceProcess referral, ServiceProcess responsibility) {}

  private HttpClient http;
  private DevIssuer issuer;
  private ServiceProcess referral;
  private ServiceProcess responsibility;

  /** The stack to run on, started by the class that runs these scenarios. */
  protected abstract Stack stack();

  @BeforeEach
  void useTheStack() {
    Stack stack = stack();
    http = stack.http();
    issuer = stack.issuer();
    referral = stack.referral();
    responsibility = stack.responsibility();
  }

  @Test
  void specialistReferralGivesTheSpecialistTreatmentInGpHoursWhileTheGpStaysResponsible() {
    String cpr = "1811620021";
    String key = listedAt(cpr, GP_TROEJBORG, dk("2026-11-02T09:00"));
    String id = receive(cpr, GP_TROEJBORG, SPECIALIST_INTERNAL_MEDICINE, dk("2026-11-02T10:00"));
    act(
        SPECIALIST_INTERNAL_MEDICINE,
        id,
        "visitation",
        Map.of("decision", "ACCEPTED", "occurredAt", dk("2026-11-03T10:00")));
    act(
        SPECIALIST_INTERNAL_MEDICINE,
        id,
        "start",
        Map.of("occurredAt", dk("2026-11-10T09:00"))); // a Tuesday

    JsonNode inHours =
        whoToCall(
            key,
            GP_TROEJBORG,
            dk("2026-11-10T11:00"),
            who -> "SPECIALIST".equals(who.path("treatmentSector").asText()));
    assertEquals("GP", inHours.path("role").asText());
    assertEquals(GP_TROEJBORG, inHours.path("organisation").path("sor").asText());
    assertEquals(
        SPECIALIST_INTERNAL_MEDICINE,
        inHours.path("treatedBy").path("organisation").path("sor").asText());
    JsonNode evening = whoToCall(key, GP_TROEJBORG, dk("2026-11-10T19:00"), who -> true);
    assertEquals("OUT_OF_HOURS_SERVICE", evening.path("role").asText());
    assertEquals(
        GP_TROEJBORG,
        evening.path("patientResponsibleDoctor").path("organisation").path("sor").asText());
  }

  @Test
  void forwardedReferralMakesTheNewDepartmentResponsibleAtItsFirstContact() {
    String cpr = "0905550033";
    String key = listedAt(cpr, GP_TROEJBORG, dk("2026-11-02T09:00"));
    String id = receive(cpr, GP_TROEJBORG, CARDIOLOGY_AARHUS, dk("2026-11-02T10:00"));
    act(
        CARDIOLOGY_AARHUS,
        id,
        "visitation",
        Map.of(
            "decision",
            "FORWARDED",
            "forwardedToSor",
            MEDICAL_RANDERS,
            "reason",
            "kan udredes på regionshospitalet",
            "occurredAt",
            dk("2026-11-03T10:00")));
    act(
        MEDICAL_RANDERS,
        id,
        "visitation",
        Map.of("decision", "ACCEPTED", "occurredAt", dk("2026-11-04T10:00")));
    act(MEDICAL_RANDERS, id, "start", Map.of("occurredAt", dk("2026-11-11T10:00")));

    JsonNode at =
        responsibilityAt(
            key,
            GP_TROEJBORG,
            dk("2026-11-11T10:00"),
            r -> MEDICAL_RANDERS.equals(r.path("holderSor").asText()));
    assertEquals("R18", at.path("rule").asText());
    JsonNode before =
        responsibilityAt(
            key, GP_TROEJBORG, Instant.parse(dk("2026-11-11T10:00")).minusSeconds(1), r -> true);
    assertEquals(GP_TROEJBORG, before.path("holderSor").asText());
    assertEquals("R17", before.path("rule").asText());
  }

  @Test
  void patientWithoutListedGpIsRegisteredAndADischargeWithNobodyToReturnToIsAlarmed() {
    String cpr = "2403880047";
    HttpResponse<String> registered =
        JsonHttp.post(
            http,
            issuer,
            ServiceProcess.NATIONAL_REGISTER_SOR,
            referral.uri("/api/patients/no-listed-gp"),
            Map.of(
                "cpr",
                cpr,
                "municipalitySor",
                AARHUS_KOMMUNE,
                "occurredAt",
                dk("2026-11-02T09:00")));
    assertEquals(200, registered.statusCode(), registered::body);
    String key = JsonHttp.readTree(registered.body()).path("patientKey").asText();
    HttpResponse<String> admitted =
        JsonHttp.post(
            http,
            issuer,
            CARDIOLOGY_AARHUS,
            referral.uri("/api/hospital-stays"),
            Map.of(
                "cpr",
                cpr,
                "episodeOfCareId",
                "e2e-" + UUID.randomUUID(),
                "serviceProviderSor",
                CARDIOLOGY_AARHUS,
                "encounterClass",
                "IMP",
                "occurredAt",
                dk("2026-11-05T10:00")));
    assertEquals(201, admitted.statusCode(), admitted::body);
    String stay = JsonHttp.readTree(admitted.body()).path("id").asText();
    HttpResponse<String> discharged =
        JsonHttp.post(
            http,
            issuer,
            CARDIOLOGY_AARHUS,
            referral.uri("/api/hospital-stays/" + stay + "/discharge"),
            Map.of("occurredAt", dk("2026-11-07T10:00")));
    assertEquals(200, discharged.statusCode(), discharged::body);

    JsonNode after =
        whoToCall(
            key,
            AARHUS_KOMMUNE,
            dk("2026-11-08T12:00"),
            who -> "no-receiver".equals(who.path("alarm").asText()));
    assertEquals("HOSPITAL_DEPARTMENT_24H", after.path("role").asText());
    assertEquals(CARDIOLOGY_AARHUS, after.path("organisation").path("sor").asText());
    assertEquals("R26", after.path("rule").asText());
  }

  // ---- helpers

  private static String dk(String local) {
    return LocalDateTime.parse(local).atZone(DK).toInstant().toString();
  }

  private String listedAt(String cpr, String gp, String at) {
    HttpResponse<String> r =
        JsonHttp.post(
            http,
            issuer,
            ServiceProcess.NATIONAL_REGISTER_SOR,
            referral.uri("/api/patients/listed-gp"),
            Map.of("cpr", cpr, "gpSor", gp, "municipalitySor", AARHUS_KOMMUNE, "occurredAt", at));
    assertEquals(200, r.statusCode(), r::body);
    return JsonHttp.readTree(r.body()).path("patientKey").asText();
  }

  private String receive(String cpr, String referrer, String receiver, String at) {
    HttpResponse<String> r =
        JsonHttp.post(
            http,
            issuer,
            receiver,
            referral.uri("/api/referrals"),
            Map.of(
                "cpr",
                cpr,
                "referrerSor",
                referrer,
                "receiverSor",
                receiver,
                "cancer",
                false,
                "occurredAt",
                at));
    assertEquals(201, r.statusCode(), r::body);
    return JsonHttp.readTree(r.body()).path("id").asText();
  }

  private void act(String caller, String referralId, String step, Map<String, Object> body) {
    HttpResponse<String> r =
        JsonHttp.post(
            http, issuer, caller, referral.uri("/api/referrals/" + referralId + "/" + step), body);
    assertEquals(200, r.statusCode(), () -> step + ": " + r.body());
  }

  private JsonNode whoToCall(String key, String caller, String at, Predicate<JsonNode> done) {
    return pointInTime("/api/patients/" + key + "/who-to-call?at=" + at, caller, done);
  }

  private JsonNode responsibilityAt(
      String key, String caller, String at, Predicate<JsonNode> done) {
    return pointInTime("/api/patients/" + key + "/responsibility?at=" + at, caller, done);
  }

  private JsonNode responsibilityAt(
      String key, String caller, Instant at, Predicate<JsonNode> done) {
    return responsibilityAt(key, caller, at.toString(), done);
  }

  /**
   * The answer once the ledger has caught up with the facts (the services talk only over Kafka).
   */
  private JsonNode pointInTime(String path, String caller, Predicate<JsonNode> done) {
    return Polling.eventually(
        path,
        EVENTUALLY,
        Duration.ofMillis(500),
        responsibility,
        () -> {
          HttpResponse<String> r = JsonHttp.get(http, issuer, caller, responsibility.uri(path));
          if (r.statusCode() != 200) {
            return Attempt.no(r.statusCode() + " " + r.body());
          }
          JsonNode answer = JsonHttp.readTree(r.body());
          return done.test(answer) ? Attempt.yes(answer) : Attempt.no(r.body());
        });
  }
}
