package dk.stafet.responsibility.support;

import static io.restassured.RestAssured.given;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.EventJson;
import dk.stafet.contracts.events.Topics;
import dk.stafet.testsupport.KafkaTestClient;
import dk.stafet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Course facts as referral-service publishes them (CloudEvents headers, key = patient pseudonym),
 * and REST helpers.
 */
public final class TestFacts {

  /**
   * SOR codes of the organisation register in contracts (registry/organisations.json; synthetic).
   */
  public static final String CARDIOLOGY = "999000000003016";

  public static final String MEDICAL_GODSTRUP = "999000000007016";
  public static final String GP_AABYHOEJ = "999000000018016";
  public static final String GP_TROEJBORG = "999000000019016";
  public static final String MEDICAL_RANDERS = "999000000010016";
  public static final String SPECIALIST_INTERNAL_MEDICINE = "999000000027016";
  public static final String SPECIALIST_PSYCHIATRY = "999000000028016";
  public static final String OUT_OF_HOURS = "999000000026016";
  public static final String MUNICIPALITY = "999000000029016";

  /** Course coordinator (a COORDINATOR token: TestTokens). */
  public static final String COORDINATOR = "999999000901001";

  /** The patient portal, "mit forløb" (its tokens name their citizen: TestTokens.portalFor). */
  public static final String PATIENT_PORTAL = "999999000902001";

  private static final ZoneId DK = ZoneId.of("Europe/Copenhagen");

  private TestFacts() {}

  /** A CPR-shaped number unique enough for one test run (modulus 11 not required, brief I1). */
  public static String newCpr() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format(
        "%02d%02d%02d%04d",
        r.nextInt(1, 29), r.nextInt(1, 13), r.nextInt(0, 100), r.nextInt(0, 10000));
  }

  /** Danish civil time (R1) → instant. */
  public static Instant dk(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(DK).toInstant();
  }

  public static CourseEvent event(
      CourseEventType type,
      String patientKey,
      String cpr,
      Instant at,
      String courseId,
      String organisationSor,
      String counterpartSor,
      Map<String, String> details) {
    return CourseEvent.recordedNow(
        type, patientKey, cpr, at, courseId, organisationSor, counterpartSor, details);
  }

  public static CourseEvent listedGp(String patientKey, String cpr, Instant at, String gpSor) {
    return event(
        CourseEventType.LISTED_GP_REGISTERED, patientKey, cpr, at, null, gpSor, null, Map.of());
  }

  /**
   * The patient has no listed GP (newcomer, between practices): no organisation, as
   * referral-service publishes it.
   */
  public static CourseEvent noListedGp(
      String patientKey, String cpr, Instant at, String municipalitySor, String previousGp) {
    Map<String, String> details = new HashMap<>();
    details.put("listedGp", "NONE");
    details.put("municipalitySor", municipalitySor);
    if (previousGp != null) {
      details.put("previousGpSor", previousGp);
    }
    return event(
        CourseEventType.LISTED_GP_REGISTERED, patientKey, cpr, at, null, null, previousGp, details);
  }

  public static CourseEvent admitted(
      String patientKey, String cpr, Instant at, String stayId, String departmentSor) {
    return event(
        CourseEventType.ADMISSION_STARTED,
        patientKey,
        cpr,
        at,
        stayId,
        departmentSor,
        null,
        Map.of("encounterClass", "IMP", "hnCode", "STIN", "episodeOfCareId", stayId));
  }

  public static CourseEvent discharged(
      String patientKey, String cpr, Instant at, String stayId, String departmentSor) {
    return event(
        CourseEventType.DISCHARGED,
        patientKey,
        cpr,
        at,
        stayId,
        departmentSor,
        null,
        Map.of("hnCode", "SLHJ"));
  }

  public static CourseEvent cancerReferral(
      String patientKey,
      String cpr,
      Instant at,
      String referralId,
      String receiverSor,
      String referrerSor) {
    Map<String, String> details = new HashMap<>();
    details.put("cancer", "true");
    details.put("waitingTimeRule", "W1");
    return event(
        CourseEventType.REFERRAL_RECEIVED,
        patientKey,
        cpr,
        at,
        referralId,
        receiverSor,
        referrerSor,
        details);
  }

  /**
   * A referral fact ({@code REFERRAL_*}): organisation = receiver, counterpart = referrer, as
   * referral-service sends it.
   */
  public static CourseEvent referral(
      CourseEventType type,
      String patientKey,
      String cpr,
      Instant at,
      String referralId,
      String receiverSor,
      String referrerSor,
      Map<String, String> details) {
    return event(type, patientKey, cpr, at, referralId, receiverSor, referrerSor, details);
  }

  /**
   * Sends the event as referral-service's outbox relay does: binary CloudEvents, key = patient
   * pseudonym.
   */
  public static void send(KafkaTestClient kafka, CourseEvent event) {
    kafka.send(Topics.COURSE_EVENTS, event.patientKey(), EventJson.write(event), headers(event));
  }

  /** As {@link #send}, all in one batch on the log: a consumer's poll gets them together. */
  public static void sendTogether(KafkaTestClient kafka, List<CourseEvent> events) {
    kafka.sendTogether(
        Topics.COURSE_EVENTS,
        events.stream()
            .map(
                event ->
                    KafkaTestClient.record(
                        Topics.COURSE_EVENTS,
                        event.patientKey(),
                        EventJson.write(event),
                        headers(event)))
            .toList());
  }

  private static Map<String, String> headers(CourseEvent event) {
    return Map.of(
        "ce_specversion", "1.0",
        "ce_id", event.eventId().toString(),
        "ce_type", event.type().cloudEventType(),
        "ce_source", "/stafet/referral-service",
        "content-type", "application/json");
  }

  /** With this bearer token (e.g. TestTokens.portalFor(cpr)). */
  public static ValidatableResponse getAs(String token, String path) {
    return given().auth().oauth2(token).when().get(path).then();
  }

  public static ValidatableResponse postAs(String token, String path, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then();
  }

  public static ValidatableResponse get(String callerSor, String path) {
    return given().auth().oauth2(TestTokens.forOrganisation(callerSor)).when().get(path).then();
  }

  public static ValidatableResponse post(String callerSor, String path, Object body) {
    return given()
        .auth()
        .oauth2(TestTokens.forOrganisation(callerSor))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then();
  }
}
