package dk.stafet.testing.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium driven by Debian's chromedriver, for coordinator-web's browser tests and
 * the end-to-end browser test. Installs {@code chromium} and {@code chromium-driver} with apt when
 * they are missing (CI runs as root); skips the browser tests with a clear message only when that
 * is not possible. Selenium Manager is never used: nothing is downloaded besides Debian packages.
 *
 * <p>The browser console is recorded at every level, so {@link #cspViolations(ChromeDriver)} can
 * tell whether a page broke its Content Security Policy.
 */
public final class Chromium {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * Starts a headless Chromium, 1280×1000, with its profile in {@code userDataDir} (the caller
   * creates it before and deletes it after {@code quit()}).
   */
  public static ChromeDriver start(Path userDataDir) {
    ensureInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + userDataDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Saves what the browser shows now as {@code directory/name.png} (replacing an earlier one);
   * returns the file.
   */
  public static Path screenshot(ChromeDriver browser, Path directory, String name)
      throws IOException {
    Files.createDirectories(directory);
    Path target = directory.resolve(name + ".png");
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /**
   * The browser console messages since the last call that report a Content Security Policy
   * violation or a refused load. Reading the console empties it.
   */
  public static List<String> cspViolations(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
        .toList();
  }

  private static void ensureInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    try {
      run("apt-get", "update");
      run("apt-get", "install", "-y", "chromium", "chromium-driver");
    } catch (IOException | InterruptedException e) {
      assumeTrue(
          false,
          "Browser test skipped: Chromium is missing and apt-get could not install it ("
              + e.getMessage()
              + "). Assumption: run as root on Debian, or apt-get install -y chromium chromium-driver first.");
    }
    assumeTrue(
        Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "Browser test skipped: "
            + BROWSER
            + " or "
            + DRIVER
            + " still missing after apt-get install -y chromium chromium-driver (needs root and Debian's packages).");
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + process.exitValue());
    }
  }
}
