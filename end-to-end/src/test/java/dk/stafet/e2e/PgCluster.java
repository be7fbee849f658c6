package dk.stafet.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own (scripts/pg-cluster.sh), for tests that stop their database:
 * never the shared {@code stafet-test} cluster, which other test JVMs use at the same time.
 */
final class PgCluster {

  private final Path script;
  private final String name;

  PgCluster(Path repositoryRoot, String name) {
    this.script = repositoryRoot.resolve("scripts/pg-cluster.sh");
    this.name = name;
  }

  /** True where the cluster can be made and stopped: root, and Debian's PostgreSQL or apt-get. */
  static boolean possible() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Starts (creating it if needed) with extra pg-cluster.sh arguments; returns the port. */
  String start(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", script.toString(), "start", "--name", name));
    command.addAll(List.of(args));
    return exec(command.toArray(String[]::new))
        .lines()
        .filter(l -> l.startsWith("port="))
        .map(l -> l.substring(5))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("pg-cluster.sh printed no port"));
  }

  /**
   * {@code pg_ctlcluster … stop -m immediate}: no shutdown checkpoint, sessions cut, as in a crash
   * of the server.
   */
  void stopImmediately() throws IOException, InterruptedException {
    String version =
        exec("pg_lsclusters", "-h")
            .lines()
            .map(l -> l.trim().split("\\s+"))
            .filter(f -> f.length > 1 && name.equals(f[1]))
            .map(f -> f[0])
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no cluster " + name));
    exec("pg_ctlcluster", version, name, "stop", "-m", "immediate");
  }

  void stop() throws IOException, InterruptedException {
    exec("bash", script.toString(), "stop", "--name", name);
  }

  void drop() throws IOException, InterruptedException {
    exec("bash", script.toString(), "drop", "--name", name);
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
