package dk.stafet.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.testing.browser.Chromium;
import dk.stafet.testsupport.DevIssuerResource;
import dk.stafet.web.client.Api;
import dk.stafet.web.stub.StubState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coordinator page in a real headless Chromium: htmx loads, Accept calls the (stub)
 * responsibility API, the page updates.
 */
@QuarkusTest
@WithTestResource(DevIssuerResource.class)
class CoordinatorBrowserTests {

  private static final String HANDOVER = "11111111-1111-1111-1111-111111111111";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TestHTTPResource("/")
  URL root;

  private Path userData;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    StubState.reset();
    userData = Files.createTempDirectory("stafet-chromium-");
    browser = Chromium.start(userData);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (Stream<Path> files = Files.walk(userData)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void acceptingAWaitingHandoverRecordsItWithTheCoordinatorsTokenAndUpdatesThePage()
      throws IOException {
    logInAs("coordinator", null, "");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    WebElement item =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handover-" + HANDOVER)));
    assertThat(item.getText())
        .contains("Akutafdelingen, Aarhus Universitetshospital")
        .contains("Lægehuset Åbyhøj")
        .contains("<script>alert('x')</script>"); // shown as text, not run
    assertThat(browser.findElements(By.cssSelector("#handovers script"))).isEmpty();
    wait.until(
        d ->
            Boolean.TRUE.equals(
                d instanceof ChromeDriver c
                    && c.executeScript("return typeof htmx !== 'undefined'") instanceof Boolean b
                    && b));
    screenshot("coordinator-before-accept");

    item.findElement(By.cssSelector("select[name=agreementChannel] option[value=ELECTRONIC]"))
        .click();
    item.findElement(By.cssSelector("button.accept")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("handovers"), "Overdragelsen er accepteret"));
    assertThat(browser.findElements(By.id("handover-" + HANDOVER))).isEmpty();
    assertThat(browser.getCurrentUrl())
        .isEqualTo(root.toString()); // htmx swapped the section; no reload
    assertThat(StubState.calls)
        .anyMatch(
            c ->
                c.startsWith("POST /api/handovers/" + HANDOVER + "/accept " + StubState.COORDINATOR)
                    && c.contains("ELECTRONIC"));
    screenshot("coordinator-after-accept");

    // live update: a new proposal appears through the 5-second polling, without a reload
    Instant now = Instant.now();
    StubState.handovers.put(
        "44444444-4444-4444-4444-444444444444",
        new Api.Handover(
            "44444444-4444-4444-4444-444444444444",
            StubState.PATIENT,
            StubState.HOSPITAL_DEPT,
            StubState.GP,
            null,
            "HOSPITAL_OUTPATIENT",
            "c2",
            "IV-behandling slut",
            false,
            false,
            null,
            now,
            now.plusSeconds(3600),
            "PROPOSED",
            null,
            null,
            null));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.id("handover-44444444-4444-4444-4444-444444444444")));

    assertThat(cspViolations()).isEmpty();
  }

  @Test
  void aParkedRecordIsAnAlarmAndItsReplayButtonReplaysIt() throws IOException {
    logInAs("coordinator", null, "?lang=en");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    WebElement parked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("parked")));
    assertThat(parked.getAttribute("class")).contains("alarm");
    assertThat(parked.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("1 record(s) could not be applied");
    assertThat(parked.getText())
        .contains("dk.stafet.course.referral-received")
        .contains("stafet.course-events")
        .contains("<script>alert('x')</script>") // shown as text, not run
        .doesNotContain(StubState.CPR);
    wait.until(
        d ->
            Boolean.TRUE.equals(
                d instanceof ChromeDriver c
                    && c.executeScript("return typeof htmx !== 'undefined'") instanceof Boolean b
                    && b));
    screenshot("coordinator-parked-record");

    parked.findElement(By.cssSelector("button.replay")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("parked"), "No parked records"));
    assertThat(browser.findElement(By.id("parked")).getAttribute("class")).doesNotContain("alarm");
    assertThat(browser.getCurrentUrl()).isEqualTo(root + "?lang=en");
    assertThat(StubState.calls)
        .contains("POST /responsibility/api/parked/7/replay 999999000901001");
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  void pagesRenderOnAPhoneAndTheKpiChartsDraw() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    logInAs("coordinator", null, "?lang=en");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("handovers")));
    long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
    assertThat(pageWidth).isLessThanOrEqualTo(400); // single column, no sideways scrolling
    screenshot("coordinator-phone-en");

    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(root + "kpis");
    List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart rect.bar"));
    assertThat(bars).isNotEmpty();
    assertThat(bars.get(0).getSize().getWidth()).isGreaterThan(0);
    screenshot("kpis");

    browser.get(root + "patients/" + StubState.PATIENT);
    assertThat(browser.findElement(By.id("ledger")).getText()).contains("R6");
    screenshot("timeline");
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  void fromTheGapListAndTheWaitingTimeListToThePatientsTimeline() throws IOException {
    StubState.attentionEndpoint = true;
    StubState.waitingEndpoint = true;
    logInAs("patient-advisor", null, "");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    WebElement gaps = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attention")));
    assertThat(gaps.getText()).contains("gap").contains("R5");
    WebElement waiting = browser.findElement(By.id("waiting"));
    assertThat(waiting.getText())
        .contains("Fristen er overskredet med 6 dage")
        .contains("2 dage tilbage")
        .doesNotContain("W4");

    // Patients are named as people name them; the pseudonym stays in the link's address.
    assertThat(gaps.getText()).contains("070358-****").doesNotContain(StubState.PATIENT);
    gaps.findElement(By.partialLinkText("Ida Marie Holm")).click();
    wait.until(ExpectedConditions.urlContains("/patients/" + StubState.PATIENT));
    assertThat(browser.findElement(By.id("patient-name")).getText())
        .contains("Ida Marie Holm")
        .contains("070358-****");
    WebElement ledger = browser.findElement(By.id("ledger"));
    assertThat(ledger.getText()).contains("R5").contains("R6");
    // The entry corrected later is folded away until asked for.
    WebElement corrected = browser.findElement(By.id("corrected-entries"));
    assertThat(corrected.findElements(By.cssSelector("tr.corrected")).get(0).isDisplayed())
        .isFalse();
    corrected.findElement(By.tagName("summary")).click();
    assertThat(corrected.findElements(By.cssSelector("tr.corrected")).get(0).isDisplayed())
        .isTrue();
    assertThat(corrected.getText()).contains("R7");
    // Messages in, with the acknowledgement Stafet answered, and out, with the recipient's.
    assertThat(browser.findElement(By.id("patient-messages-in")).getText())
        .contains("fatal-error")
        .contains("modtaget 2 gange")
        .contains("CareCommunication <script>alert('x')</script>");
    assertThat(browser.findElement(By.id("patient-messages")).getText())
        .contains("DEAD_LETTER")
        .contains("ACKNOWLEDGED (ok)");
    screenshot("timeline-from-gap-list");
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  void aCitizenTypesTheCprNumberIntoMitForloebAndSeesTheCourseInPlainWords() throws IOException {
    logInAs("patient-portal", "010203-1234", "my-course");
    browser.findElement(By.id("cpr")).sendKeys("010203-1234");
    browser
        .findElement(By.cssSelector("#cpr-form button[type=submit]"))
        .click(); // the browser's own pattern check first

    WebElement referrals =
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("my-referrals")));
    assertThat(browser.findElement(By.id("my-doctor")).getText())
        .contains("Din patientansvarlige læge er Dr. Jensen.");
    assertThat(referrals.getText())
        .contains("Du har ret til din første undersøgelse senest")
        .contains("Fristen er overskredet");
    assertThat(browser.getCurrentUrl()).doesNotContain("0102031234").doesNotContain("010203-1234");
    assertThat(browser.getPageSource()).doesNotContain("0102031234").doesNotContain("010203-1234");
    assertThat(StubState.calls)
        .contains("POST /referral/api/patients/lookup 999999000902001 cpr=0102031234");
    screenshot("my-course");

    // The citizen chooses the hospital department as case manager: htmx swaps the plan section.
    browser
        .findElement(By.cssSelector("#my-plans input[value='" + StubState.HOSPITAL_DEPT + "']"))
        .click();
    browser.findElement(By.cssSelector("#my-plans button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("my-plans"),
                "Du har valgt Akutafdelingen, Aarhus Universitetshospital som din tovholder."));
    assertThat(browser.findElement(By.id("my-doctor")).isDisplayed()).isTrue(); // no reload
    assertThat(StubState.calls)
        .anyMatch(c -> c.startsWith("POST /api/care-plans/") && c.contains("999999000902001"));
    screenshot("my-course-case-manager-chosen");
    assertThat(cspViolations()).isEmpty();
  }

  @Test
  void aCoordinatorLogsInThroughTheIssuersLoginPageAndLogsOut() throws IOException {
    browser.get(root.toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    // Not logged in: the page sends the browser to the issuer's login page, which lists the people.
    wait.until(ExpectedConditions.elementToBeClickable(By.id("login-coordinator")));
    assertThat(browser.getCurrentUrl()).startsWith(issuer() + "/authorize?");
    assertThat(browser.getPageSource())
        .contains("Patientvejleder Pia Vestergaard")
        .contains("Sikkerhedsansvarlig Søren Sikker");
    screenshot("login");
    browser.findElement(By.id("login-coordinator")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handovers")));
    assertThat(browser.getCurrentUrl()).isEqualTo(root.toString());
    assertThat(browser.findElement(By.id("user-name")).getText())
        .isEqualTo("Forløbskoordinator Karen Kofoed");
    // The services were called with the logged-in person's own token.
    assertThat(StubState.persons).isNotEmpty().containsOnly("demo-koordinator-1");

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
    assertThat(browser.getCurrentUrl()).startsWith(root + "logged-out");
    assertThat(browser.manage().getCookies()).noneMatch(c -> c.getName().startsWith("q_session"));
    screenshot("logged-out");
    // Logged out: the pages ask for a login again.
    browser.get(root.toString());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("login-coordinator")));
    assertThat(browser.getCurrentUrl()).startsWith(issuer() + "/authorize?");
    assertThat(cspViolations()).isEmpty();
  }

  /**
   * Opens a page, which sends the browser to the development issuer's login page, and logs in there
   * as this person (the citizen with the CPR number); back on the page afterwards.
   */
  private void logInAs(String username, String cpr, String path) {
    browser.get(root + path);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    WebElement button =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-" + username)));
    if (cpr != null) {
      browser.findElement(By.id("cpr")).sendKeys(cpr);
    }
    button.click();
    wait.until(d -> d.getCurrentUrl().startsWith(root.toString()));
  }

  private static String issuer() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getValue("stafet.web.issuer-url", String.class);
  }

  private List<String> cspViolations() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  private void screenshot(String name) throws IOException {
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
