package dk.stafet.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one node) on free loopback ports,
 * with its data in a temporary directory that is deleted when it stops.
 *
 * <p>Modes ({@code -Dkafka.mode=…}): {@code jvm} (default) runs {@link KafkaRaftServer} inside this
 * JVM; {@code process} runs {@code java kafka.Kafka} as a child process, with the jars of {@code
 * -Dkafka.lib=DIR} or else this JVM's class path.
 *
 * <p>{@link #startSecured(String)} starts it as production runs it: clients authenticate with
 * SASL/SCRAM-SHA-512 (on a {@code SASL_PLAINTEXT} loopback listener) and KRaft's {@code
 * StandardAuthorizer} allows only what ACLs grant; topics are not created on first use. Its super
 * user {@value #SUPER_USER} is bootstrapped at storage format time; {@link #createUser} adds users.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());

  /** The super user of a secured broker (the broker's own identity, like Strimzi's). */
  public static final String SUPER_USER = "admin";

  private static final String SCRAM = "SCRAM-SHA-512";

  private static KafkaBroker shared;

  private final Path dir;
  private final int port;
  private final int controllerPort;

  /** The super user's password of a secured broker; null for a PLAINTEXT one. */
  private final String superPassword;

  private KafkaRaftServer server;
  private Process process;

  private KafkaBroker(Path dir, int port, int controllerPort, String superPassword) {
    this.dir = dir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.superPassword = superPassword;
  }

  /**
   * The one broker of this JVM, started on first use and stopped by a shutdown hook. Returns its
   * bootstrap servers.
   */
  static synchronized String startShared(String... ignored) {
    if (shared == null) {
      KafkaBroker broker = start(JvmShared.setting("kafka.mode", "jvm"));
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stafet-kafka-shutdown"));
      shared = broker;
    }
    return shared.bootstrapServers();
  }

  /** Starts a broker in the given mode ({@code jvm} or {@code process}); the caller closes it. */
  public static KafkaBroker start(String mode) {
    return start(mode, null);
  }

  /**
   * Starts a broker with SASL/SCRAM-SHA-512 authentication and ACL authorisation (see the class
   * comment); the caller closes it.
   */
  public static KafkaBroker startSecured(String mode) {
    return start(mode, UUID.randomUUID().toString());
  }

  private static KafkaBroker start(String mode, String superPassword) {
    long t0 = System.nanoTime();
    try {
      Path dir = Files.createTempDirectory("stafet-kafka-");
      int[] ports = freePorts(2);
      KafkaBroker broker = new KafkaBroker(dir, ports[0], ports[1], superPassword);
      switch (mode) {
        case "jvm" -> broker.startInJvm();
        case "process" -> broker.startProcess();
        default ->
            throw new IllegalArgumentException("kafka.mode must be jvm or process, not " + mode);
      }
      broker.awaitPort(Duration.ofSeconds(60));
      LOG.info(
          () ->
              String.format(
                  "Kafka (%s) ready on %s in %d ms, data in %s",
                  mode,
                  broker.bootstrapServers(),
                  TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                  dir));
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Kafka", e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public boolean secured() {
    return superPassword != null;
  }

  /**
   * The client settings of a user of a secured broker (bootstrap servers, SASL/SCRAM and the JAAS
   * login), as {@code kafka.*} settings of a service or a plain client's configuration.
   */
  public Map<String, String> clientSettings(String user, String password) {
    if (!secured()) {
      throw new IllegalStateException("a PLAINTEXT broker has no users");
    }
    Map<String, String> settings = new HashMap<>(saslLogin(user, password));
    settings.put("bootstrap.servers", bootstrapServers());
    return Map.copyOf(settings);
  }

  /**
   * The SASL settings of a client of a secured broker logging in as this user (no bootstrap
   * servers).
   */
  public static Map<String, String> saslLogin(String user, String password) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        SCRAM,
        "sasl.jaas.config",
        jaas(user, password));
  }

  /** The super user's client settings of a secured broker: it may do anything. */
  public Map<String, String> superUserSettings() {
    return clientSettings(SUPER_USER, superPassword);
  }

  /**
   * Creates (or replaces) a SCRAM-SHA-512 user of a secured broker, as Strimzi's user operator
   * does: through the Admin API as the super user.
   */
  public void createUser(String user, String password) {
    try (Admin admin = Admin.create(new HashMap<>(superUserSettings()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create the Kafka user " + user, e);
    }
  }

  /**
   * Creates topics that do not exist yet with the broker's defaults (as the super user of a secured
   * broker): the topics production declares up front, so a first message never waits for
   * auto-creation.
   */
  public void createTopics(Collection<String> names) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    if (secured()) {
      settings.putAll(superUserSettings());
    }
    try (Admin admin = Admin.create(settings)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          names.stream()
              .distinct()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create the Kafka topics", e);
    }
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private Properties serverProperties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    String listener = secured() ? "SASL_PLAINTEXT" : "PLAINTEXT";
    p.put(
        "listeners",
        listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", listener + "://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", listener);
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + listener + ":" + listener);
    if (secured()) {
      p.put("sasl.enabled.mechanisms", SCRAM);
      p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
      p.put(
          "listener.name.sasl_plaintext." + SCRAM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
          jaas(SUPER_USER, superPassword));
      p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
      // The node's broker half reaches its controller half over the PLAINTEXT controller listener
      // (loopback, never advertised to clients), where it is ANONYMOUS.
      p.put("super.users", "User:" + SUPER_USER + ";User:ANONYMOUS");
      p.put("allow.everyone.if.no.acl.found", "false");
    }
    p.put("log.dirs", dir.resolve("data").toString());
    p.put("num.partitions", "1");
    // Secured as in production: every topic is declared, a typo creates none.
    p.put("auto.create.topics.enable", Boolean.toString(!secured()));
    p.put("offsets.topic.replication.factor", "1");
    // One partition for the internal topics: the first consumer group join is much faster on 2
    // cores.
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    return p;
  }

  private Path writeConfig() throws IOException {
    Path cfg = dir.resolve("server.properties");
    try (Writer w = Files.newBufferedWriter(cfg)) {
      serverProperties().store(w, "Stafet test broker");
    }
    return cfg;
  }

  private void startInJvm() throws IOException {
    quietLogs();
    Path cfg = writeConfig();
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
    // Formatting with a static quorum: no --standalone (it conflicts with
    // controller.quorum.voters).
    int rc = StorageTool.execute(formatArguments(cfg).toArray(String[]::new), quiet);
    if (rc != 0) {
      throw new IllegalStateException(
          "Kafka StorageTool format failed with exit code " + rc + " for " + cfg);
    }
    server = new KafkaRaftServer(new KafkaConfig(serverProperties(), false), Time.SYSTEM);
    server.startup();
  }

  private void startProcess() throws IOException {
    Path cfg = writeConfig();
    File log = dir.resolve("kafka.log").toFile();
    List<String> command =
        new ArrayList<>(List.of(java(), "-cp", processClassPath(), "kafka.tools.StorageTool"));
    command.addAll(formatArguments(cfg));
    run(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log)),
        log);
    startProcessOnExistingData();
  }

  /**
   * {@code kafka-storage format}; a secured broker's super user is bootstrapped here (a
   * UserScramCredentialRecord), since the broker needs it before any client can create users.
   */
  private List<String> formatArguments(Path cfg) {
    List<String> args =
        new ArrayList<>(
            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", cfg.toString()));
    if (secured()) {
      args.add("--add-scram");
      args.add(SCRAM + "=[name=" + SUPER_USER + ",password=" + superPassword + "]");
    }
    return args;
  }

  private void startProcessOnExistingData() throws IOException {
    process =
        new ProcessBuilder(
                java(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                processClassPath(),
                "kafka.Kafka",
                dir.resolve("server.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()))
            .start();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String processClassPath() {
    String lib = JvmShared.setting("kafka.lib", null);
    return lib != null ? lib + File.separator + "*" : testClassPath();
  }

  private static void run(ProcessBuilder pb, File log) throws IOException {
    try {
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("Kafka storage format failed, see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String testClassPath() {
    String cp =
        System.getProperty(
            "surefire.test.class.path"); // the real one; java.class.path may be a manifest jar
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private void awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "Kafka process exited with "
                + process.exitValue()
                + ", see "
                + dir.resolve("kafka.log"));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    close();
    throw new IllegalStateException("Kafka did not open port " + port + " within " + timeout);
  }

  /**
   * SIGKILL of a broker started as a {@code process}: no controlled shutdown, as in a crash. Its
   * data stays, and {@link #restart()} brings it back on the same ports (the chaos test).
   */
  public synchronized void kill() {
    if (process == null) {
      throw new IllegalStateException("only a broker started as a process can be killed");
    }
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts a killed process broker again on its data and ports; returns once the port is open. */
  public synchronized void restart() {
    if (process == null || process.isAlive()) {
      throw new IllegalStateException("restart() follows kill() of a process broker");
    }
    try {
      process = null;
      startProcessOnExistingData();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restart Kafka", e);
    }
    awaitPort(Duration.ofSeconds(60));
  }

  @Override
  public synchronized void close() {
    try {
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
        server = null;
      }
      if (process != null) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Kafka did not stop cleanly", e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The in-JVM broker logs through the test's logging (JBoss LogManager in Quarkus tests): INFO is
   * a flood.
   */
  private static void quietLogs() {
    JvmShared.quiet(
        JvmShared.setting("kafka.log.level", "WARNING"),
        "kafka",
        "org.apache.kafka",
        "state.change.logger");
  }

  static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    List<ServerSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setReuseAddress(true);
        open.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
    return ports;
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: it is a temp dir
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
