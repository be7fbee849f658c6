package dk.stafet.tools.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Faults through the {@code stafet} script's own process management: {@code ./stafet kill TARGET}
 * (SIGKILL of the service's or the broker's process group; PostgreSQL stopped with {@code -m
 * immediate}) and {@code ./stafet restart TARGET}, which returns once the target is ready again;
 * for a graceful stop, {@code ./stafet restart} alone (SIGTERM, wait for the exit, start).
 */
final class ScriptFaults implements Fault.Injector {

  private final String script;

  ScriptFaults(String script) {
    this.script = script;
  }

  @Override
  public List<String> targets() {
    return List.of(
        "referral-service", "responsibility-service", "notification-service", "kafka", "postgres");
  }

  @Override
  public void hit(String target, Duration downFor) throws IOException, InterruptedException {
    run("kill", target);
    Thread.sleep(downFor.toMillis());
    run("restart", target);
  }

  @Override
  public void stop(String target) throws IOException, InterruptedException {
    run("restart", target);
  }

  private void run(String command, String target) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(script, command, target)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(script + " " + command + " " + target + " did not finish in 5 minutes");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          script + " " + command + " " + target + " failed with " + process.exitValue());
    }
  }
}
