package dk.stafet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real Kafka 4.x broker in KRaft mode for {@code @QuarkusTest}s, without Docker:
 *
 * <pre>{@code @WithTestResource(KafkaKraftResource.class)}</pre>
 *
 * <p>By default all test classes of a JVM share one broker: it starts the first time any Quarkus
 * application of the JVM needs it (about 2 s) and stops when the JVM exits. Quarkus restarts the
 * application for each distinct set of test resources, but the broker, and so the topics and
 * committed offsets, stay. Tests should therefore use their own keys or consumer groups, or consume
 * from what they produced. With the init argument {@code shared=false} a test class gets a broker
 * of its own that stops with its application.
 *
 * <p>Switches (system property, or the environment variable in upper snake case): {@code
 * kafka.mode=jvm|process}, {@code kafka.lib=DIR} (jars for process mode), {@code
 * kafka.log.level=WARNING} (in-JVM broker logging).
 *
 * <p>Returns {@code kafka.bootstrap.servers}.
 */
public class KafkaKraftResource implements QuarkusTestResourceLifecycleManager {

  private boolean sharedBroker = true;
  private KafkaBroker own;

  @Override
  public void init(Map<String, String> initArgs) {
    sharedBroker = !"false".equalsIgnoreCase(initArgs.getOrDefault("shared", "true"));
  }

  @Override
  public synchronized Map<String, String> start() {
    String bootstrap;
    if (sharedBroker) {
      bootstrap = bootstrapServers();
    } else {
      if (own == null) {
        own = KafkaBroker.start(JvmShared.setting("kafka.mode", "jvm"));
      }
      bootstrap = own.bootstrapServers();
    }
    return Map.of("kafka.bootstrap.servers", bootstrap);
  }

  @Override
  public synchronized void stop() {
    if (own != null) {
      own.close();
      own = null;
    }
    // The shared broker outlives the application: a shutdown hook stops it with the JVM.
  }

  /**
   * Bootstrap servers of the JVM's shared broker, starting it if needed; also for tests that are
   * not Quarkus tests.
   */
  public static String bootstrapServers() {
    return JvmShared.call(KafkaBroker.class, "startShared");
  }
}
