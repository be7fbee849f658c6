package dk.stafet.referral.course.rest;

import static io.restassured.RestAssured.given;

import dk.stafet.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Organisations of the test register and helpers shared by the course-facts and access tests. */
public final class TestData {

  // SOR codes present in the organisation register shipped with contracts (synthetic data).
  public static final String GP = RegistryFixture.sorOf("GP");
  public static final String OTHER_GP = RegistryFixture.otherSorOf("GP");
  public static final String DEPARTMENT = RegistryFixture.sorOf("HOSPITAL_DEPARTMENT");
  public static final String OTHER_DEPARTMENT = RegistryFixture.otherSorOf("HOSPITAL_DEPARTMENT");
  public static final String MUNICIPALITY = RegistryFixture.sorOf("MUNICIPALITY");
  static final String SPECIALIST = RegistryFixture.sorOf("SPECIALIST");
  static final String UNKNOWN_SOR = "999999999999999";

  /** Roles from the tokens (TestTokens), not the register. */
  static final String COORDINATOR = TestTokens.COORDINATOR_SOR;

  static final String PATIENT_PORTAL = TestTokens.PATIENT_PORTAL_SOR;
  static final String NATIONAL_REGISTER = TestTokens.NATIONAL_REGISTER_SOR;

  private static final AtomicInteger SERIAL =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 3000));

  private TestData() {}

  /**
   * A well-formed CPR number no other test uses (born 1 Jan 1970–1999, serial unique in this JVM).
   */
  public static String newCpr() {
    int serial = SERIAL.incrementAndGet();
    int year = 70 + ThreadLocalRandom.current().nextInt(30);
    int day = 1 + ThreadLocalRandom.current().nextInt(28);
    return String.format("%02d01%02d%04d", day, year, serial);
  }

  /**
   * A request with a token acting for this organisation (TestTokens.forOrganisation), or without a
   * token (null).
   */
  static ValidatableResponse post(String caller, String path, Object body) {
    return postAs(caller == null ? null : TestTokens.forOrganisation(caller), path, body);
  }

  static ValidatableResponse get(String caller, String path) {
    return getAs(caller == null ? null : TestTokens.forOrganisation(caller), path);
  }

  /** A request with this bearer token (e.g. TestTokens.portalFor(cpr)), or without one (null). */
  static ValidatableResponse postAs(String token, String path, Object body) {
    var request = given().contentType(ContentType.JSON);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.body(body).when().post(path).then();
  }

  static ValidatableResponse getAs(String token, String path) {
    var request = given();
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.when().get(path).then();
  }

  public static Map<String, Object> referral(String cpr) {
    return Map.of(
        "cpr",
        cpr,
        "referrerSor",
        GP,
        "receiverSor",
        DEPARTMENT,
        "cancer",
        true,
        "conditionCode",
        "DC50",
        "waitingTimeRule",
        "W1");
  }
}
