package dk.stafet.referral.course.rest;

import static io.restassured.RestAssured.given;

import dk.stafet.service.security.Caller;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Organisations of the test register and helpers shared by the course-facts tests. */
final class TestData {

  // SOR codes present in the organisation register shipped with contracts (synthetic data).
  static final String GP = RegistryFixture.sorOf("GP");
  static final String OTHER_GP = RegistryFixture.otherSorOf("GP");
  static final String DEPARTMENT = RegistryFixture.sorOf("HOSPITAL_DEPARTMENT");
  static final String OTHER_DEPARTMENT = RegistryFixture.otherSorOf("HOSPITAL_DEPARTMENT");
  static final String MUNICIPALITY = RegistryFixture.sorOf("MUNICIPALITY");
  static final String SPECIALIST = RegistryFixture.sorOf("SPECIALIST");
  static final String UNKNOWN_SOR = "999999999999999";
  /** Roles from configuration (%test.stafet.coordinator-sors, %test.stafet.patient-portal-sors), not the register. */
  static final String COORDINATOR = "999999000901001";
  static final String PATIENT_PORTAL = "999999000902001";

  private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 3000));

  private TestData() {
  }

  /** A well-formed CPR number no other test uses (born 1 Jan 1970–1999, serial unique in this JVM). */
  static String newCpr() {
    int serial = SERIAL.incrementAndGet();
    int year = 70 + ThreadLocalRandom.current().nextInt(30);
    int day = 1 + ThreadLocalRandom.current().nextInt(28);
    return String.format("%02d01%02d%04d", day, year, serial);
  }

  static ValidatableResponse post(String caller, String path, Object body) {
    var request = given().contentType(ContentType.JSON);
    if (caller != null) {
      request = request.header(Caller.HEADER, caller);
    }
    return request.body(body).when().post(path).then();
  }

  static ValidatableResponse get(String caller, String path) {
    var request = given();
    if (caller != null) {
      request = request.header(Caller.HEADER, caller);
    }
    return request.when().get(path).then();
  }

  static Map<String, Object> referral(String cpr) {
    return Map.of("cpr", cpr, "referrerSor", GP, "receiverSor", DEPARTMENT, "cancer", true, "conditionCode", "DC50",
        "waitingTimeRule", "W1");
  }
}
