package dk.stafet.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Reads a service's effective settings for its incoming Kafka channels from the class path — its
 * {@code application.properties} over every {@code META-INF/microprofile-config.properties} (such
 * as service-support's), channel over connector, as MicroProfile Config and Reactive Messaging
 * resolve them — so a plain unit test can hold every channel to a rule without starting Quarkus.
 */
public final class KafkaChannelSettings {

  private static final String PREFIX = "mp.messaging.incoming.";
  private static final String CONNECTOR_PREFIX = "mp.messaging.connector.smallrye-kafka.";
  private static final String MAX_AGE = "throttled.unprocessed-record-max-age.ms";

  private KafkaChannelSettings() {}

  /**
   * The incoming smallrye-kafka channels whose throttled commit would fail the channel when one
   * record stays unacknowledged longer than a limit (the default is 60 s). Our consumers wait out
   * outages and the validator warm-up on purpose, so the limit must be off ({@code -1}) for each,
   * whether set for the channel or once for the connector.
   */
  public static List<String> channelsFailingOnSlowRecords() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Properties application = load(loader, "application.properties");
    if (application.isEmpty()) {
      throw new IllegalStateException("no application.properties on the class path");
    }
    Properties microprofile = load(loader, "META-INF/microprofile-config.properties");
    List<String> failing = new ArrayList<>();
    for (String name : application.stringPropertyNames()) {
      if (name.startsWith(PREFIX)
          && name.endsWith(".connector")
          && "smallrye-kafka".equals(application.getProperty(name))) {
        String channel = name.substring(PREFIX.length(), name.length() - ".connector".length());
        String limit =
            firstOf(
                PREFIX + channel + "." + MAX_AGE,
                CONNECTOR_PREFIX + MAX_AGE,
                application,
                microprofile);
        if (limit == null || Long.parseLong(limit.trim()) > 0) {
          failing.add(channel);
        }
      }
    }
    return failing;
  }

  private static String firstOf(
      String channelKey, String connectorKey, Properties application, Properties microprofile) {
    for (String key : List.of(channelKey, connectorKey)) {
      for (Properties source : List.of(application, microprofile)) {
        String value = source.getProperty(key);
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  /** Every resource of that name on the class path, merged (none of ours set a key twice). */
  private static Properties load(ClassLoader loader, String resource) {
    Properties merged = new Properties();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        try (InputStream in = url.openStream()) {
          merged.load(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return merged;
  }
}
