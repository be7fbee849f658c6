package dk.stafet.testsupport.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.stafet.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;

/**
 * The cross-organisation access test of one service, driven by its OpenAPI document (issue 14, "0
 * cross-organisation reads, proven"; docs/security.md). Every operation of the running service's
 * document must be either a {@link PatientEndpoint} of the table, with a recipe that calls it for a
 * patient, or listed as carrying no patient data with a reason; an operation added without either
 * fails the coverage test, and so does a table entry the document no longer has.
 *
 * <p>Each patient endpoint is called, for a fresh patient of its own, as
 *
 * <ol>
 *   <li>no token, then an expired and a wrongly signed token of the involved organisation: 401;
 *   <li>each organisation not involved, the patient portal of another citizen and (unless the
 *       endpoint serves it) the portal of the patient's own citizen: 403 or 404 with the same
 *       status and problem code as the same caller gets for a patient that does not exist (a
 *       ghost), so the answer does not reveal that the patient exists; a list shows no row of the
 *       patient;
 *   <li>the involved organisation: success, and exactly one new audit row of the patient naming the
 *       organisation, the person, the roles, the action and the time (a write that answers nothing
 *       but what its caller sent declares why it writes none);
 *   <li>the patient portal, where it serves the endpoint: success for its own citizen, audited.
 * </ol>
 *
 * @param <P> the service's patient fixture
 */
public final class PatientAccessSuite<P> {

  private final AuditRows audit;
  private Supplier<P> fresh;
  private Supplier<P> ghost;
  private Function<P, String> patientKey;
  private Function<P, String> involvedSor;
  private final List<String> outsiders = new ArrayList<>();
  private final Map<String, PatientEndpoint<P>> endpoints = new LinkedHashMap<>();
  private final Map<String, String> noPatientData = new LinkedHashMap<>();

  private PatientAccessSuite(DataSource dataSource) {
    this.audit = new AuditRows(dataSource);
  }

  /** A suite over the service whose database this datasource reaches (its audit trail). */
  public static <P> PatientAccessSuite<P> auditedIn(DataSource dataSource) {
    return new PatientAccessSuite<>(dataSource);
  }

  /** A new patient with every resource the recipes need (called once per endpoint). */
  public PatientAccessSuite<P> patients(Supplier<P> fresh) {
    this.fresh = fresh;
    return this;
  }

  /** A patient that does not exist, with well-formed ids nobody has. */
  public PatientAccessSuite<P> ghosts(Supplier<P> ghost) {
    this.ghost = ghost;
    return this;
  }

  /**
   * The patient's pseudonym: the audit trail's patient key, and the citizen a patient-portal token
   * acts for.
   */
  public PatientAccessSuite<P> identifiedBy(Function<P, String> patientKey) {
    this.patientKey = patientKey;
    return this;
  }

  /** The organisation involved with the patient, unless an endpoint names another. */
  public PatientAccessSuite<P> involved(Function<P, String> sor) {
    this.involvedSor = sor;
    return this;
  }

  /** Organisations (SOR codes in the register) involved with none of the fixture's patients. */
  public PatientAccessSuite<P> outsiders(String... sors) {
    outsiders.addAll(List.of(sors));
    return this;
  }

  public PatientAccessSuite<P> endpoint(PatientEndpoint<P> endpoint) {
    if (endpoints.put(endpoint.operation(), endpoint) != null) {
      throw new IllegalArgumentException("Twice in the table: " + endpoint);
    }
    return this;
  }

  /**
   * service-support's parked-record and validation-alarm resources, which every service has. The
   * alarms carry no patient data. Parked records are for coordinators only; a parked record is a
   * Kafka record a consumer could not apply (its view: the pseudonym, masked error text, never the
   * payload), so its operations are checked at the role gate on an unknown id.
   */
  public PatientAccessSuite<P> withParkedRecords() {
    String reason =
        "a parked record is a Kafka record a consumer could not apply, not a patient of the"
            + " fixture; its view has the pseudonym and masked error text, never the payload";
    String coordinator = TestTokens.COORDINATOR_SOR;
    endpoint(
        PatientEndpoint.<P>of("GET", "/api/parked/{id}", (as, p) -> as.get().get("/api/parked/0"))
            .involved(p -> coordinator)
            .succeedsWith(404)
            .roleGateOnly(reason));
    endpoint(
        PatientEndpoint.<P>of(
                "POST", "/api/parked/{id}/replay", (as, p) -> as.get().post("/api/parked/0/replay"))
            .involved(p -> coordinator)
            .succeedsWith(404)
            .roleGateOnly(reason));
    endpoint(
        PatientEndpoint.<P>of(
                "POST",
                "/api/parked/{id}/dismiss",
                (as, p) ->
                    as.get()
                        .contentType("application/json")
                        .body("{\"reason\":\"access test\"}")
                        .post("/api/parked/0/dismiss"))
            .involved(p -> coordinator)
            .succeedsWith(404)
            .roleGateOnly(reason));
    noPatientData(
        "GET /api/validation-alarms",
        "coordinators only (ValidationAlarmTests): message types and element paths of the"
            + " validation fast path's disagreements, never values or patients");
    noPatientData(
        "POST /api/validation-alarms/{id}/acknowledge",
        "coordinators only (ValidationAlarmTests): marks an alarm seen; no patient in it");
    return noPatientData(
        "GET /api/parked",
        "coordinators only (the services' parked-record tests): record metadata and pseudonyms,"
            + " never a payload");
  }

  /**
   * service-support's audit trail, which every service has: a patient's audit rows for the security
   * officer only, the query itself audited.
   */
  public PatientAccessSuite<P> withAuditTrail() {
    return endpoint(
        PatientEndpoint.<P>of(
                "GET",
                "/api/audit",
                (as, p) -> as.get().queryParam("patientKey", patientKey.apply(p)).get("/api/audit"))
            .involved(p -> TestTokens.SECURITY_SOR));
  }

  /** An operation that neither takes nor returns any patient's data, and why. */
  public PatientAccessSuite<P> noPatientData(String operation, String reason) {
    if (reason == null || reason.isBlank() || noPatientData.put(operation, reason) != null) {
      throw new IllegalArgumentException("Give one reason per operation: " + operation);
    }
    return this;
  }

  /** The coverage test and one test per patient endpoint, for a {@code @TestFactory}. */
  public Stream<DynamicTest> tests() {
    Objects.requireNonNull(fresh, "patients");
    Objects.requireNonNull(ghost, "ghosts");
    Objects.requireNonNull(patientKey, "identifiedBy");
    Objects.requireNonNull(involvedSor, "involved");
    if (outsiders.isEmpty()) {
      throw new IllegalStateException("Name at least one organisation that is not involved");
    }
    DynamicTest coverage =
        DynamicTest.dynamicTest(
            "every operation of the OpenAPI document is covered",
            () -> assertCovers(OpenApiOperations.ofRunningService()));
    DynamicTest appendOnly =
        DynamicTest.dynamicTest(
            "no audit row can be changed or removed through the application's database role",
            audit::assertAppendOnly);
    return Stream.concat(
        Stream.of(coverage, appendOnly),
        endpoints.values().stream()
            .map(e -> DynamicTest.dynamicTest(e.operation(), () -> exercise(e))));
  }

  /** Fails unless the table and the reasons cover exactly the document's operations. */
  void assertCovers(Set<String> documented) {
    Set<String> both = new TreeSet<>(endpoints.keySet());
    both.retainAll(noPatientData.keySet());
    Set<String> uncovered = new TreeSet<>(documented);
    uncovered.removeAll(endpoints.keySet());
    uncovered.removeAll(noPatientData.keySet());
    Set<String> stale = new TreeSet<>(endpoints.keySet());
    stale.addAll(noPatientData.keySet());
    stale.removeAll(documented);
    if (!both.isEmpty() || !uncovered.isEmpty() || !stale.isEmpty()) {
      fail(
          "The cross-organisation table must match the OpenAPI document."
              + (uncovered.isEmpty()
                  ? ""
                  : "\n  Not covered (add a recipe, or say why it carries no patient data): "
                      + uncovered)
              + (stale.isEmpty() ? "" : "\n  In the table but not in the document: " + stale)
              + (both.isEmpty()
                  ? ""
                  : "\n  Both a patient endpoint and 'no patient data': " + both));
    }
  }

  private void exercise(PatientEndpoint<P> e) {
    P nobody = ghost.get();
    P patient = e.roleGateOnly != null ? nobody : fresh.get();
    String involved = (e.involvedSor != null ? e.involvedSor : involvedSor).apply(patient);

    // (a), (b): no valid token.
    unauthenticated(e, "no token", call(e, null, patient));
    unauthenticated(e, "an expired token", call(e, TestTokens.expired(involved), patient));
    unauthenticated(
        e, "a wrongly signed token", call(e, TestTokens.wronglySigned(involved), patient));

    // (c): not involved: the same answer as for a patient that does not exist.
    for (Map.Entry<String, String> strangerEntry : strangers(e, patient, nobody).entrySet()) {
      String who = strangerEntry.getKey();
      String stranger = strangerEntry.getValue();
      Response answer = call(e, stranger, patient);
      if (e.roleGateOnly != null) {
        assertEquals(
            403,
            answer.statusCode(),
            () -> e + ": " + who + " got past the role gate: " + describe(answer));
      } else if (e.listShows != null) {
        assertTrue(
            answer.statusCode() == 403
                || (answer.statusCode() == 200 && !e.listShows.test(answer, patient)),
            () -> e + ": " + who + " saw the patient: " + describe(answer));
      } else {
        Response unknown = call(e, stranger, nobody);
        assertTrue(
            answer.statusCode() == 403 || answer.statusCode() == 404,
            () -> e + ": " + who + " got " + describe(answer));
        assertEquals(
            unknown.statusCode() + " " + code(unknown),
            answer.statusCode() + " " + code(answer),
            () -> e + ": the refusal of " + who + " reveals that the patient exists");
      }
    }

    // (d): the involved organisation, audited once.
    long before = audit.lastId();
    Response granted = call(e, TestTokens.forOrganisation(involved), patient);
    assertTrue(
        e.success.contains(granted.statusCode()),
        () -> e + ": the involved organisation " + involved + " got " + describe(granted));
    if (e.roleGateOnly != null) {
      return;
    }
    String key = patientKey.apply(patient);
    if (e.listShows != null) {
      assertTrue(
          e.listShows.test(granted, patient), () -> e + ": the list does not show the patient");
    }
    List<Map<String, Object>> rows =
        e.auditResource != null
            ? audit.ofResourceAfter(e.auditResource.apply(patient), before)
            : audit.ofPatientAfter(key, before);
    assertEquals(e.auditRows, rows.size(), () -> e + ": audit rows of one read: " + rows);
    if (e.auditRows == 1) {
      Map<String, Object> row = rows.get(0);
      assertEquals("GRANTED", row.get("outcome"), e + ": " + row);
      assertEquals(involved, row.get("caller_sor"), e + ": " + row);
      assertNotNull(row.get("at"), e + ": when");
      assertNotNull(row.get("action"), e + ": what");
      assertNotNull(row.get("person_subject"), e + ": the person");
      assertNotNull(row.get("caller_roles"), e + ": the roles (the basis)");
    }

    // The patient portal, for its own citizen.
    if (e.portalReadsOwnCitizen) {
      long beforePortal = audit.lastId();
      Response own = call(e, TestTokens.portalForPatient(key), patient);
      assertEquals(200, own.statusCode(), () -> e + ": the portal of the citizen " + describe(own));
      List<Map<String, Object>> portalRows = audit.ofPatientAfter(key, beforePortal);
      assertEquals(1, portalRows.size(), () -> e + ": audit rows of the portal: " + portalRows);
      assertTrue(
          String.valueOf(portalRows.get(0).get("action")).startsWith("READ_AS_PATIENT_PORTAL:"),
          () -> e + ": " + portalRows);
    }
  }

  /**
   * Tokens of callers not involved: the outsiders, the portal of another citizen and, unless the
   * endpoint serves it, the portal of the patient's own citizen.
   */
  private Map<String, String> strangers(PatientEndpoint<P> e, P patient, P nobody) {
    Map<String, String> strangers = new LinkedHashMap<>();
    if (e.sendersOnly != null) {
      return strangers;
    }
    outsiders.forEach(sor -> strangers.put("organisation " + sor, TestTokens.forOrganisation(sor)));
    strangers.put(
        "the portal of another citizen", TestTokens.portalForPatient(patientKey.apply(nobody)));
    if (!e.portalReadsOwnCitizen && e.roleGateOnly == null) {
      strangers.put(
          "the portal of the patient's citizen",
          TestTokens.portalForPatient(patientKey.apply(patient)));
    }
    return strangers;
  }

  private Response call(PatientEndpoint<P> e, String token, P patient) {
    Supplier<RequestSpecification> as =
        () -> {
          RequestSpecification request = given().redirects().follow(false);
          return token == null ? request : request.auth().oauth2(token);
        };
    Response response = e.recipe.call(as, patient);
    assertFalse(response.statusCode() >= 500, () -> e + ": " + describe(response));
    return response;
  }

  private static void unauthenticated(PatientEndpoint<?> e, String what, Response answer) {
    assertEquals(401, answer.statusCode(), () -> e + " with " + what + ": " + describe(answer));
  }

  private static String code(Response response) {
    String type = response.contentType();
    if (type == null || !type.contains("json") || response.asString().isBlank()) {
      return "";
    }
    try {
      return String.valueOf(response.jsonPath().getString("code"));
    } catch (RuntimeException notAnObject) {
      return "";
    }
  }

  private static String describe(Response response) {
    String body = response.asString();
    return response.statusCode()
        + " "
        + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
  }
}
