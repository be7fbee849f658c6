package dk.stafet.e2e;

import dk.stafet.issuer.DemoIdentity;
import dk.stafet.issuer.DevIssuer;
import dk.stafet.issuer.SigningKey;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Stafet service run as the operating system runs it: {@code java -jar
 * <module>/target/quarkus-app/quarkus-run.jar} in a process of its own, configured through the
 * environment only, with its output in a log file.
 */
final class ServiceProcess implements AutoCloseable {

  /** 120 s; a busy shared machine may need more: -Dstafet.e2e.ready-timeout-seconds=N. */
  private static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("stafet.e2e.ready-timeout-seconds", 120));

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final String module;
  private final int port;
  private final Path log;
  private Process process;
  private ProcessBuilder builder;

  private ServiceProcess(String module, int port, Path log) {
    this.module = module;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the runner of {@code module} (a directory under {@code root}) on a free loopback port.
   * The environment is this JVM's without any QUARKUS_*, KAFKA_* or STAFET_* variable (a
   * developer's shell must not leak into the run), plus {@code env}.
   */
  static ServiceProcess start(Path root, String module, Path logDir, Map<String, String> env) {
    Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No runner for "
              + module
              + " at "
              + jar
              + ". Build it first: ./mvnw -B -DskipTests install (or run the whole reactor: ./mvnw -B verify)");
    }
    try {
      Files.createDirectories(logDir);
      int port = freePort();
      Path log = logDir.resolve(module + ".log");
      ServiceProcess service = new ServiceProcess(module, port, log);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  // The local stack's heap (./stafet; deploy/ gives 75 % of 768Mi-1Gi). At 384m,
                  // under the chaos test's load, referral-service's ~300 MB live set kept it in
                  // full collections (JFR, session 13; docs/reliability.md).
                  "-Xmx512m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+ExitOnOutOfMemoryError"));
      String shared = env.get("STAFET_SHARED_DIR");
      if (shared != null) {
        command.add("-Dstafet.shared.dir=" + shared);
      }
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(root.resolve(module).toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> environment = pb.environment();
      environment
          .keySet()
          .removeIf(
              k -> {
                String u = k.toUpperCase(Locale.ROOT);
                return u.startsWith("QUARKUS_")
                    || u.startsWith("KAFKA_")
                    || u.startsWith("STAFET_")
                    || u.equals("JAVA_TOOL_OPTIONS")
                    || u.equals("JDK_JAVA_OPTIONS");
              });
      environment.putAll(env);
      environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      service.builder = pb;
      service.process = pb.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + module, e);
    }
  }

  String module() {
    return module;
  }

  Path log() {
    return log;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /**
   * Waits until {@code GET /q/health/ready} answers 200; fails with the log's tail if the process
   * exits or is too slow.
   */
  void awaitReady(HttpClient http) {
    long t0 = System.nanoTime();
    long deadline = t0 + READY_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            module
                + " exited with "
                + process.exitValue()
                + " during start-up; see "
                + log
                + "\n"
                + tail(40));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          System.out.printf(
              "[e2e] %s ready on port %d after %d ms%n",
              module, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new AssertionError(
        module
            + " not ready within "
            + READY_TIMEOUT.toSeconds()
            + " s (GET /q/health/ready: "
            + last
            + "); see "
            + log
            + "\n"
            + tail(40));
  }

  /** The last lines of the log, for failure messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "---- last lines of "
          + log.getFileName()
          + " ----\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** TERM, then KILL after a grace period. Idempotent. */
  @Override
  public void close() {
    stopAll(List.of(this));
  }

  /**
   * Stops the services together (TERM to all, then wait; KILL whatever is still running after the
   * grace period).
   */
  static void stopAll(java.util.Collection<ServiceProcess> services) {
    List<Process> stopping = new ArrayList<>();
    for (ServiceProcess service : services) {
      synchronized (service) {
        if (service.process != null) {
          service.process.destroy();
          stopping.add(service.process);
          service.process = null;
        }
      }
    }
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (Process p : stopping) {
      try {
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  /** SIGTERM, as Kubernetes and ./stafet down send it; does not wait. */
  synchronized void terminate() {
    if (process != null) {
      process.destroy();
    }
  }

  /**
   * Waits up to {@code timeout} for the process to end: its exit code, or null if it still runs.
   */
  Integer awaitExit(Duration timeout) throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    return p != null && p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? p.exitValue() : null;
  }

  /** For the JVM shutdown hook: no waiting for a graceful stop. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  /**
   * SIGKILL, as in a crash: no shutdown hooks, no in-flight work finished. Waits until the process
   * is gone.
   */
  synchronized void killHard() {
    if (process != null) {
      try {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the killed service again, same port, same environment, its log appended to. */
  synchronized void restart() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(module + " still runs; restart() follows killHard()");
    }
    try {
      process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restart " + module, e);
    }
  }

  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A free loopback port not handed to another service of this run (the services bind theirs a
   * little later).
   */
  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        if (HANDED_OUT.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The coordinator, patient-portal and national-register identities the tests act as
   * (dev-issuer's).
   */
  static final String COORDINATOR_SOR = DemoIdentity.COORDINATION_SOR;

  static final String PATIENT_PORTAL_SOR = DemoIdentity.PATIENT_PORTAL_SOR;
  static final String NATIONAL_REGISTER_SOR = DemoIdentity.NATIONAL_REGISTER_SOR;

  /**
   * The development token issuer of one run, in this JVM, as ./stafet up runs it beside the
   * services: the services verify against its JWKS, the tests and coordinator-web get their tokens
   * from it.
   *
   * @param secret the services' pseudonym secret (the portal's citizen pseudonym must be theirs)
   */
  static DevIssuer startIssuer(String secret) {
    try {
      return DevIssuer.start(
          0,
          SigningKey.of(KeyUtils.generateKeyPair(2048).getPrivate()),
          secret,
          Duration.ofHours(1));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the development token issuer", e);
    }
  }

  /** {@code Bearer <token>} acting for this organisation. */
  static String bearer(DevIssuer issuer, String sor) {
    return "Bearer " + issuer.tokenForOrganisation(sor);
  }

  /**
   * The environment of a service with its own database, as ./stafet up passes it (start_services),
   * with the recipient simulator answering every recipient, always, and seeing new topics fast.
   *
   * @param db {jdbcUrl, user, password, name} from PostgresResource.newDatabase()
   * @param secret the pseudonym secret; one for all services, or their patient keys would not agree
   */
  static Map<String, String> backendEnvironment(
      String[] db, String kafka, Path shared, String secret, DevIssuer issuer) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", db[0]);
    env.put("QUARKUS_DATASOURCE_USERNAME", db[1]);
    env.put("QUARKUS_DATASOURCE_PASSWORD", db[2]);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    env.put("STAFET_SHARED_DIR", shared.toString());
    env.put("STAFET_PSEUDONYM_SECRET", secret);
    env.put("STAFET_TOKEN_JWKS_URL", issuer.jwksUrl());
    env.put("STAFET_TOKEN_ISSUER", issuer.issuer());
    env.put("STAFET_SIMULATOR_ENABLED", "true");
    env.put("STAFET_SIMULATOR_RECIPIENTS", "all");
    env.put("STAFET_SIMULATOR_SILENT_SHARE", "0");
    env.put("STAFET_SIMULATOR_REJECT_SHARE", "0");
    env.put("STAFET_SIMULATOR_SLOW_SHARE", "0");
    env.put("STAFET_SIMULATOR_TOPIC_REFRESH", "PT1S");
    return env;
  }
}
