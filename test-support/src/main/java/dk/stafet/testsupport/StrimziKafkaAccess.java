package dk.stafet.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Does on a {@linkplain KafkaBroker#startSecured secured test broker} what Strimzi's operators do
 * with the manifests in {@code deploy/}: creates every {@code KafkaTopic}, and every {@code
 * KafkaUser} with a SCRAM-SHA-512 password and exactly the ACLs its {@code spec.authorization}
 * lists. A test against such a broker therefore proves the declared access, not a copy of it.
 *
 * <p>Passwords are {@link #testPassword(String)}: known to the tests, used nowhere else.
 */
public final class StrimziKafkaAccess {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StrimziKafkaAccess() {}

  /** The test password of a KafkaUser. */
  public static String testPassword(String user) {
    return user + "-test-password";
  }

  /**
   * Applies the KafkaTopics and KafkaUsers of the given multi-document YAML files (other kinds are
   * ignored). Topics get one replica, as the broker is one node.
   */
  public static void apply(KafkaBroker broker, List<Path> manifests) {
    List<JsonNode> objects = new ArrayList<>();
    for (Path manifest : manifests) {
      objects.addAll(read(manifest));
    }
    List<NewTopic> topics = new ArrayList<>();
    List<AclBinding> acls = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (JsonNode object : objects) {
      String kind = object.path("kind").asText();
      String name = object.path("metadata").path("name").asText();
      if (kind.equals("KafkaTopic")) {
        String topic = object.path("spec").path("topicName").asText(name);
        topics.add(new NewTopic(topic, object.path("spec").path("partitions").asInt(1), (short) 1));
      } else if (kind.equals("KafkaUser")) {
        users.add(name);
        for (JsonNode acl : object.path("spec").path("authorization").path("acls")) {
          acls.addAll(bindings(name, acl));
        }
      }
    }
    for (String user : users) {
      broker.createUser(user, testPassword(user));
    }
    try (Admin admin = Admin.create(new HashMap<String, Object>(broker.superUserSettings()))) {
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
      admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot apply the Kafka manifests " + manifests, e);
    }
  }

  /**
   * Strimzi's simple authorisation: one ACL entry per operation, ALLOW unless {@code type: deny}.
   */
  static List<AclBinding> bindings(String user, JsonNode acl) {
    JsonNode resource = acl.path("resource");
    ResourcePattern pattern =
        new ResourcePattern(
            switch (resource.path("type").asText()) {
              case "topic" -> ResourceType.TOPIC;
              case "group" -> ResourceType.GROUP;
              case "cluster" -> ResourceType.CLUSTER;
              case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
              default ->
                  throw new IllegalArgumentException(
                      "KafkaUser " + user + ": unknown resource type " + resource);
            },
            resource.path("type").asText().equals("cluster")
                ? "kafka-cluster"
                : resource.path("name").asText(),
            resource.path("patternType").asText("literal").equals("prefix")
                ? PatternType.PREFIXED
                : PatternType.LITERAL);
    AclPermissionType permission =
        acl.path("type").asText("allow").equals("deny")
            ? AclPermissionType.DENY
            : AclPermissionType.ALLOW;
    String host = acl.path("host").asText("*");
    List<AclBinding> bindings = new ArrayList<>();
    for (JsonNode operation : acl.path("operations")) {
      AclOperation op =
          AclOperation.fromString(
              operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
      if (op == AclOperation.UNKNOWN) {
        throw new IllegalArgumentException(
            "KafkaUser " + user + ": unknown operation " + operation);
      }
      bindings.add(
          new AclBinding(pattern, new AccessControlEntry("User:" + user, host, op, permission)));
    }
    return bindings;
  }

  private static List<JsonNode> read(Path manifest) {
    try (MappingIterator<JsonNode> documents =
        YAML.readerFor(JsonNode.class).readValues(Files.readString(manifest))) {
      List<JsonNode> objects = new ArrayList<>();
      while (documents.hasNext()) {
        JsonNode object = documents.next();
        if (object != null && !object.isNull() && !object.isMissingNode()) {
          objects.add(object);
        }
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + manifest, e);
    }
  }

  /** The SASL settings of a client logging in as a KafkaUser of these manifests. */
  public static Map<String, String> login(String user) {
    return KafkaBroker.saslLogin(user, testPassword(user));
  }

  /** The test client settings of a KafkaUser of these manifests. */
  public static Map<String, String> clientSettings(KafkaBroker broker, String user) {
    return broker.clientSettings(user, testPassword(user));
  }
}
