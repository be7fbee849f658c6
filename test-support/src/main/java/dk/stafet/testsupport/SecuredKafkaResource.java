package dk.stafet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker of its own for one {@code @QuarkusTest} class, secured as production runs it:
 * SASL/SCRAM-SHA-512 and ACLs ({@link KafkaBroker#startSecured}), with the topics and users of
 * {@code deploy/}'s Strimzi manifests applied ({@link StrimziKafkaAccess}). The application
 * connects as the KafkaUser {@code user}, through the same {@code kafka.*} settings production
 * gives it, so every Kafka client of the service (channels and the outbox relay) must work over
 * SASL with exactly that user's rights.
 *
 * <pre>{@code
 * @WithTestResource(
 *     value = SecuredKafkaResource.class,
 *     initArgs = {
 *       @ResourceArg(name = "user", value = "referral-service"),
 *       @ResourceArg(name = "manifests", value = "../deploy/base/kafka/topics.yaml,...")
 *     })
 * }</pre>
 *
 * <p>Returns {@code kafka.bootstrap.servers}, {@code kafka.security.protocol}, {@code
 * kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config}. A test's own clients log in with {@link
 * StrimziKafkaAccess#testPassword(String)} of a user of the manifests.
 */
public class SecuredKafkaResource implements QuarkusTestResourceLifecycleManager {

  private String user;
  private List<Path> manifests;
  private KafkaBroker broker;

  @Override
  public void init(Map<String, String> initArgs) {
    user = initArgs.get("user");
    String files = initArgs.get("manifests");
    if (user == null || files == null) {
      throw new IllegalArgumentException("SecuredKafkaResource needs the args user and manifests");
    }
    manifests = Arrays.stream(files.split(",")).map(String::trim).map(Path::of).toList();
  }

  @Override
  public synchronized Map<String, String> start() {
    if (broker == null) {
      broker = KafkaBroker.startSecured(JvmShared.setting("kafka.mode", "jvm"));
      StrimziKafkaAccess.apply(broker, manifests);
    }
    Map<String, String> config = new HashMap<>();
    StrimziKafkaAccess.clientSettings(broker, user)
        .forEach((name, value) -> config.put("kafka." + name, value));
    return config;
  }

  @Override
  public synchronized void stop() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }
}
