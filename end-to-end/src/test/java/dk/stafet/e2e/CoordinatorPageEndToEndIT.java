package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.e2e.Polling.Attempt;
import dk.stafet.issuer.DemoIdentity;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.issuer.WebClient;
import dk.stafet.testing.browser.Chromium;
import dk.stafet.testsupport.KafkaKraftResource;
import dk.stafet.testsupport.PostgresResource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinator page against the real services: referral-service, responsibility-service,
 * notification-service and coordinator-web, each run from its runnable jar as a separate process,
 * over real Kafka and PostgreSQL, driven in a real headless Chromium.
 *
 * <ol>
 *   <li>Through the real REST APIs: the GP registers its listed patient and cardiology starts an
 *       outpatient course (referral-service); the ledger makes cardiology the holder (R11);
 *       cardiology proposes a handover of the course to the GP (responsibility-service, R23), which
 *       now waits for the GP's acceptance.
 *   <li>In the browser: the coordinator page lists the waiting handover; the coordinator picks the
 *       agreement channel and clicks <b>Accept</b>; the section says the handover was accepted.
 *   <li>The ledger changed: the patient-responsible doctor is now the GP, by R23 (who-to-call and
 *       ledger REST).
 *   <li>The patient is in the page's attention list (no named doctor), and its timeline shows the
 *       ledger's rules.
 *   <li>Before stopping: every letter sent about the patient is acknowledged, so no answer is left
 *       on the recipients' medcom.inbound.<GLN> for the next test class's referral-service (they
 *       share the broker and the consumer groups).
 * </ol>
 *
 * Screenshots in target/screenshots; service logs in target/e2e-logs/coordinator-page.
 */
class CoordinatorPageEndToEndIT {

  private static final String CPR = "1204561118";
  private static final String CARDIOLOGY_SOR =
      "999000000003016"; // Hjertesygdomme, AUH (hospital department)
  private static final String GP_SOR = "999000000018016"; // Lægehuset Åbyhøj (GP practice)
  private static final String COORDINATOR_SOR = ServiceProcess.COORDINATOR_SOR;
  private static final String PATIENT_PORTAL_SOR = ServiceProcess.PATIENT_PORTAL_SOR;
  private static final List<String> SERVICES_WITH_DB =
      List.of("referral-service", "responsibility-service", "notification-service");
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
  private static final long T0 = System.nanoTime();

  private static HttpClient http;
  private static DevIssuer issuer;
  private static Path screenshots;
  private static Path userData;
  private static ChromeDriver browser;
  private static Thread killOnExit;

  @BeforeAll
  static void startStack() throws IOException {
    Path shared =
        Path.of(setting("stafet.shared.dir", "../../shared")).toAbsolutePath().normalize();
    Path root = Path.of(setting("stafet.e2e.root", "..")).toAbsolutePath().normalize();
    Path logs =
        Path.of(setting("stafet.e2e.logs", "target/e2e-logs"))
            .toAbsolutePath()
            .normalize()
            .resolve("coordinator-page");
    screenshots =
        Path.of(setting("stafet.e2e.screenshots", "target/screenshots"))
            .toAbsolutePath()
            .normalize();
    Files.createDirectories(screenshots);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String kafka = KafkaKraftResource.bootstrapServers();
    log("Kafka on %s", kafka);
    killOnExit =
        new Thread(
            () -> SERVICES.values().forEach(ServiceProcess::kill), "stafet-e2e-web-kill-services");
    Runtime.getRuntime().addShutdownHook(killOnExit);

    String secret = "e2e-pseudonym-secret-" + UUID.randomUUID();
    issuer = ServiceProcess.startIssuer(secret);
    for (String module : SERVICES_WITH_DB) {
      String[] db = PostgresResource.newDatabase(); // {jdbcUrl, user, password, name}
      Map<String, String> env =
          ServiceProcess.backendEnvironment(db, kafka, shared, secret, issuer);
      SERVICES.put(module, ServiceProcess.start(root, module, logs, env));
    }
    // coordinator-web: no database, no Kafka; the services' base URLs and the coordinator's SOR.
    Map<String, String> web = new HashMap<>();
    web.put("STAFET_SHARED_DIR", shared.toString());
    web.put("STAFET_WEB_REFERRAL_URL", base(SERVICES.get("referral-service")));
    web.put("STAFET_WEB_RESPONSIBILITY_URL", base(SERVICES.get("responsibility-service")));
    web.put("STAFET_WEB_NOTIFICATION_URL", base(SERVICES.get("notification-service")));
    web.put("STAFET_WEB_ISSUER_URL", issuer.issuer());
    web.put("QUARKUS_OIDC_CREDENTIALS_SECRET", WebClient.DEFAULT_SECRET); // the issuer's client

    SERVICES.put("coordinator-web", ServiceProcess.start(root, "coordinator-web", logs, web));
    // The issuer logs users in for coordinator-web on the port it got (its registered origin).
    issuer.webClient().allowOrigin(base(SERVICES.get("coordinator-web")));

    for (ServiceProcess service : SERVICES.values()) {
      service.awaitReady(http);
    }
    log("stack ready");
    userData = Files.createTempDirectory("stafet-e2e-chromium-");
    browser = Chromium.start(userData);
    log("browser ready");
  }

  @AfterAll
  static void stopStack() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    ServiceProcess.stopAll(SERVICES.values());
    if (issuer != null) {
      issuer.close();
    }
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    if (userData != null) {
      try (Stream<Path> files = Files.walk(userData)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    log("stopped");
  }

  @Test
  void coordinatorAcceptsAWaitingHandoverInTheBrowserAndTheLedgerMoves() throws IOException {
    ServiceProcess referral = SERVICES.get("referral-service");
    ServiceProcess responsibility = SERVICES.get("responsibility-service");
    ServiceProcess web = SERVICES.get("coordinator-web");

    // 1a. Course facts through referral-service: the listed GP, then an outpatient course at
    // cardiology (R11).
    HttpResponse<String> r =
        post(
            referral,
            "/api/patients/listed-gp",
            ServiceProcess.NATIONAL_REGISTER_SOR,
            Map.of(
                "cpr",
                CPR,
                "gpSor",
                GP_SOR,
                "familyName",
                "Kjærgaard",
                "givenNames",
                List.of("Bent", "Ole")));
    assertEquals(200, r.statusCode(), () -> "listed-gp: " + r.body() + "\n" + referral.tail(30));
    HttpResponse<String> course =
        post(
            referral,
            "/api/courses",
            CARDIOLOGY_SOR,
            Map.of("kind", "OUTPATIENT", "cpr", CPR, "ownerSor", CARDIOLOGY_SOR));
    assertEquals(
        201, course.statusCode(), () -> "course: " + course.body() + "\n" + referral.tail(30));
    log("1. listed GP registered, outpatient course started at cardiology");

    // 1b. The ledger learns it over Kafka: cardiology holds PRD.
    JsonNode lookup =
        eventually(
            "cardiology holds PRD",
            responsibility,
            () -> {
              HttpResponse<String> a =
                  post(responsibility, "/api/patients/lookup", CARDIOLOGY_SOR, Map.of("cpr", CPR));
              if (a.statusCode() != 200) {
                return Attempt.no(a.statusCode() + " " + a.body());
              }
              JsonNode body = readTree(a.body());
              JsonNode prd = body.path("whoToCall").path("patientResponsibleDoctor");
              return CARDIOLOGY_SOR.equals(prd.path("organisation").path("sor").asText())
                  ? Attempt.yes(body)
                  : Attempt.no(a.body());
            });
    String patientKey = lookup.path("patientKey").asText();
    assertFalse(patientKey.isBlank(), "no patient key: " + lookup);
    assertEquals(
        "R11",
        lookup.path("whoToCall").path("patientResponsibleDoctor").path("rule").asText(),
        lookup::toString);
    log("1. ledger: cardiology holds PRD by R11 (patient %s)", patientKey);

    // 1c. Cardiology proposes the handover of its course to the GP: it now waits for the GP's
    // acceptance.
    Map<String, Object> proposal = new LinkedHashMap<>();
    proposal.put("patientKey", patientKey);
    proposal.put("toSor", GP_SOR);
    proposal.put("reason", "Ambulant forløb afsluttet, opfølgning hos egen læge");
    proposal.put("patientInformed", true);
    proposal.put("relativesInformed", false);
    HttpResponse<String> proposed =
        post(responsibility, "/api/handovers", CARDIOLOGY_SOR, proposal);
    assertEquals(
        201,
        proposed.statusCode(),
        () -> "propose: " + proposed.body() + "\n" + responsibility.tail(30));
    JsonNode handover = readTree(proposed.body());
    String handoverId = handover.path("id").asText();
    assertEquals("PROPOSED", handover.path("state").asText(), handover::toString);
    log("1. handover %s proposed, cardiology → GP", handoverId);

    // 1d. referral-service names the patient (from the register's name) to a coordinator.
    HttpResponse<String> named =
        get(referral, "/api/patients/identities?patientKey=" + patientKey, COORDINATOR_SOR);
    assertEquals(200, named.statusCode(), named::body);
    assertTrue(named.body().contains("\"familyName\":\"Kjærgaard\""), named::body);
    assertTrue(named.body().contains("\"cprMasked\":\"120456-****\""), named::body);

    // 2. The coordinator page in the browser: the waiting handover, Accept with the GP's agreement
    // channel.
    // The coordinator logs in at the issuer's login page (authorization-code flow).
    logInAs(web, "coordinator", null, "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement item =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handover-" + handoverId)));
    assertTrue(
        item.getText().contains("Hjertesygdomme, Aarhus Universitetshospital"), item::getText);
    // The patient is named as people name them (referral-service's identities, audited), not by
    // the pseudonym, which stays in the link. A section whose name read timed out (a busy box)
    // says "Navn ukendt" until its next 5-second refresh.
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("handover-" + handoverId), "Bent Ole Kjærgaard"));
    item = browser.findElement(By.id("handover-" + handoverId));
    assertTrue(item.getText().contains("120456-****"), item::getText);
    assertFalse(item.getText().contains(patientKey), item::getText);
    assertFalse(item.getText().contains(CPR.substring(6)), item::getText);
    wait.until(
        d -> Boolean.TRUE.equals(browser.executeScript("return typeof htmx !== 'undefined'")));
    screenshot("e2e-coordinator-before-accept");

    item.findElement(By.cssSelector("select[name=agreementChannel] option[value=ELECTRONIC]"))
        .click();
    item.findElement(By.cssSelector("button.accept")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("handovers"), "Overdragelsen er accepteret"));
    assertTrue(
        browser.findElements(By.id("handover-" + handoverId)).isEmpty(),
        "the accepted handover is still listed");
    screenshot("e2e-coordinator-after-accept");
    log("2. accepted in the browser");

    // 3. The ledger changed: the GP holds PRD now, by R23.
    JsonNode who =
        eventually(
            "GP holds PRD",
            responsibility,
            () -> {
              HttpResponse<String> a =
                  get(
                      responsibility,
                      "/api/patients/" + patientKey + "/who-to-call",
                      COORDINATOR_SOR);
              if (a.statusCode() != 200) {
                return Attempt.no(a.statusCode() + " " + a.body());
              }
              JsonNode body = readTree(a.body());
              return GP_SOR.equals(
                      body.path("patientResponsibleDoctor")
                          .path("organisation")
                          .path("sor")
                          .asText())
                  ? Attempt.yes(body)
                  : Attempt.no(a.body());
            });
    assertEquals("R23", who.path("patientResponsibleDoctor").path("rule").asText(), who::toString);
    HttpResponse<String> ledgerAnswer =
        get(responsibility, "/api/patients/" + patientKey + "/ledger", COORDINATOR_SOR);
    assertEquals(200, ledgerAnswer.statusCode(), ledgerAnswer::body);
    JsonNode open = null;
    boolean cardiologyBefore = false;
    for (JsonNode e : readTree(ledgerAnswer.body()).path("entries")) {
      if (e.path("current").asBoolean() && e.path("validTo").isMissingNode()) {
        open = e;
      }
      cardiologyBefore |=
          e.path("current").asBoolean()
              && CARDIOLOGY_SOR.equals(e.path("holderSor").asText())
              && "R11".equals(e.path("rule").asText())
              && !e.path("validTo").isMissingNode();
    }
    assertTrue(open != null, "no open ledger entry: " + ledgerAnswer.body());
    assertEquals(GP_SOR, open.path("holderSor").asText(), ledgerAnswer::body);
    assertEquals("R23", open.path("rule").asText(), ledgerAnswer::body);
    assertTrue(cardiologyBefore, "cardiology's R11 entry is not closed: " + ledgerAnswer.body());
    HttpResponse<String> accepted =
        get(responsibility, "/api/handovers?state=ACCEPTED", COORDINATOR_SOR);
    assertTrue(accepted.body().contains(handoverId), accepted::body);
    log("3. ledger: GP holds PRD by R23");

    // 4. The patient is in the attention list (the GP holds PRD without a named doctor); its
    // timeline shows the rules.
    browser.get(base(web) + "/");
    By link = By.cssSelector("#attention a[href='/patients/" + patientKey + "']");
    WebElement patientLink = wait.until(ExpectedConditions.elementToBeClickable(link));
    WebElement row = patientLink.findElement(By.xpath("./ancestor::tr"));
    assertTrue(row.getText().contains("R23"), row::getText);
    patientLink.click();
    wait.until(ExpectedConditions.urlContains("/patients/" + patientKey));
    String ledger =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger"))).getText();
    assertTrue(ledger.contains("R11") && ledger.contains("R23"), ledger);
    assertTrue(ledger.contains("Hjertesygdomme, Aarhus Universitetshospital"), ledger);
    String header = browser.findElement(By.id("patient-name")).getText();
    assertTrue(header.contains("Bent Ole Kjærgaard") && header.contains("120456-****"), header);
    screenshot("e2e-timeline");
    List<String> csp = Chromium.cspViolations(browser); // reading the console empties it: read once
    assertTrue(csp.isEmpty(), () -> "CSP violations: " + csp);
    log("4. attention list and timeline (R11 → R23); screenshots in %s", screenshots);

    // 4a. The services' audit names the person who looked through the page, not a service identity:
    // the timeline's read of the received messages, in referral-service's trail (the security
    // officer's query).
    HttpResponse<String> trail =
        get(referral, "/api/audit?patientKey=" + patientKey, DemoIdentity.SECURITY_SOR);
    assertEquals(200, trail.statusCode(), trail::body);
    boolean namedPerson = false;
    boolean nameReadAudited = false;
    for (JsonNode entry : readTree(trail.body())) {
      nameReadAudited |=
          "demo-koordinator-1".equals(entry.path("personSubject").asText())
              && "READ_AS_COORDINATOR:READ_IDENTITY".equals(entry.path("action").asText());
      namedPerson |=
          "demo-koordinator-1".equals(entry.path("personSubject").asText())
              && "Forløbskoordinator Karen Kofoed".equals(entry.path("personName").asText())
              && entry.path("action").asText().startsWith("READ_AS_COORDINATOR:");
    }
    assertTrue(namedPerson, () -> "no audit row naming the logged-in coordinator: " + trail.body());
    assertTrue(
        nameReadAudited, () -> "the page's read of the name is not audited: " + trail.body());
    log("4a. referral-service's audit names the coordinator who read through the page");

    // The coordinator logs out; the citizen logs in next.
    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));

    // 4b. "Mit forløb" in the browser as the citizen: a new cancer referral (W1) with the deadline
    // referral-service
    //     computed, in plain words; who to call now from the ledger. The CPR number goes in the
    // form body only.
    Map<String, Object> cancerReferral =
        Map.of(
            "cpr",
            CPR,
            "referrerSor",
            GP_SOR,
            "receiverSor",
            CARDIOLOGY_SOR,
            "cancer",
            true,
            "conditionCode",
            "DC50",
            "waitingTimeRule",
            "W1");
    HttpResponse<String> referred =
        post(referral, "/api/referrals", CARDIOLOGY_SOR, cancerReferral);
    assertEquals(
        201,
        referred.statusCode(),
        () -> "referral: " + referred.body() + "\n" + referral.tail(30));
    logInAs(web, "patient-portal", CPR, "/my-course");
    browser.findElement(By.id("cpr")).sendKeys(CPR);
    browser.findElement(By.cssSelector("#cpr-form button[type=submit]")).click();
    try {
      wait.until(
          d ->
              !d.findElements(By.cssSelector("#my-referrals, #not-found, #cpr-invalid")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("e2e-my-course-failed");
      fail(
          "no answer to the CPR form at "
              + browser.getCurrentUrl()
              + ": "
              + browser.getPageSource());
    }
    screenshot("e2e-my-course");
    List<WebElement> referralsSection = browser.findElements(By.id("my-referrals"));
    assertFalse(
        referralsSection.isEmpty(),
        () -> "no referrals section: " + browser.findElement(By.tagName("main")).getText());
    String mine = referralsSection.get(0).getText();
    assertTrue(
        mine.contains("Hjertesygdomme, Aarhus Universitetshospital")
            && mine.contains("Du har ret til din første undersøgelse senest"),
        mine);
    String callNow = browser.findElement(By.id("call-now")).getText();
    assertFalse(callNow.isBlank(), "no one to call");
    assertFalse(
        browser.getPageSource().contains(CPR) || browser.getCurrentUrl().contains(CPR),
        "the CPR number leaked");
    log("4b. mit forløb: referral with its W1 deadline, who to call: %s", callNow);

    // 5. Leave Kafka clean for the next test class (same broker, same consumer groups): the letters
    // notification-service
    //    sent about the course are acknowledged by the recipient simulator, i.e. its answers on
    // medcom.inbound.<GLN> have
    //    been consumed by this run's referral-service and are not picked up by the next run's.
    ServiceProcess notification = SERVICES.get("notification-service");
    JsonNode deliveries =
        eventually(
            "every delivery about the patient ACKNOWLEDGED",
            notification,
            () -> {
              HttpResponse<String> a =
                  get(
                      notification,
                      "/api/deliveries?patientKey=" + patientKey + "&limit=100",
                      COORDINATOR_SOR);
              if (a.statusCode() != 200) {
                return Attempt.no(a.statusCode() + " " + a.body());
              }
              JsonNode list = readTree(a.body());
              boolean all = list.size() > 0;
              for (JsonNode d : list) {
                all &= "ACKNOWLEDGED".equals(d.path("state").asText());
              }
              return all ? Attempt.yes(list) : Attempt.no(a.body());
            });
    log("5. %d letters about the patient acknowledged", deliveries.size());
  }

  // ---- helpers

  /** Opens a page, logs in at the issuer's login page as this person, and is back on the page. */
  private static void logInAs(ServiceProcess web, String username, String cpr, String path) {
    browser.get(base(web) + path);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement button =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-" + username)));
    if (cpr != null) {
      browser.findElement(By.id("cpr")).sendKeys(cpr);
    }
    button.click();
    wait.until(d -> d.getCurrentUrl().startsWith(base(web) + path));
  }

  private static String base(ServiceProcess service) {
    String uri = service.uri("").toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static HttpResponse<String> post(
      ServiceProcess service, String path, String organisation, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(service.uri(path))
              .timeout(Duration.ofSeconds(15))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("Authorization", ServiceProcess.bearer(issuer, organisation))
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(
      ServiceProcess service, String path, String organisation) {
    return send(
        HttpRequest.newBuilder(service.uri(path))
            .timeout(Duration.ofSeconds(15))
            .header("Accept", "application/json")
            .header("Authorization", ServiceProcess.bearer(issuer, organisation))
            .GET()
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return JsonHttp.send(http, request);
  }

  private static JsonNode eventually(
      String what, ServiceProcess service, Supplier<Attempt> attempt) {
    return Polling.eventually(what, EVENTUALLY, Duration.ofMillis(300), service, attempt);
  }

  private static JsonNode readTree(String json) {
    return JsonHttp.readTree(json);
  }

  private static void screenshot(String name) throws IOException {
    Chromium.screenshot(browser, screenshots, name);
  }

  private static String setting(String property, String defaultValue) {
    String v = System.getProperty(property);
    return v == null || v.isBlank() ? defaultValue : v;
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        "[e2e-web %5.1f s] %s%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - T0) / 1000.0,
        String.format(format, args));
  }
}
