package dk.stafet.deploycheck;

import dk.stafet.contracts.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The services' own configuration (application.properties), as built into their images. */
final class ServiceSettings {

  static final List<String> SERVICES =
      List.of(
          "referral-service", "responsibility-service", "notification-service", "coordinator-web");
  static final List<String> BACKENDS = SERVICES.subList(0, 3);

  private ServiceSettings() {}

  static Properties of(String service) {
    Path file =
        Manifests.repository()
            .resolve(service)
            .resolve("src/main/resources/application.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /**
   * Every topic a service reads or writes: its channels' topics and dead-letter topics, and the
   * topics the services agree on in {@link Topics} (the outbox writes those). Per-recipient topics
   * are checked separately.
   */
  static Set<String> topicsInUse() {
    Set<String> topics = new TreeSet<>();
    for (String service : SERVICES) {
      Properties properties = of(service);
      for (String key : properties.stringPropertyNames()) {
        if (!key.startsWith("%") && key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
          String channel = key.substring(0, key.length() - ".topic".length());
          // A pattern subscription (the senders' inbound topics) names per-recipient topics.
          if (!"true".equals(properties.getProperty(channel + ".pattern", "").trim())) {
            topics.add(properties.getProperty(key).trim());
          }
        }
      }
    }
    for (Field field : Topics.class.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && field.getType() == String.class) {
        try {
          String topic = (String) field.get(null);
          if (!topic.endsWith(".") && !field.getName().endsWith("_PATTERN")) {
            topics.add(topic);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return topics;
  }
}
