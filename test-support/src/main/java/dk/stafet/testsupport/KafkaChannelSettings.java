package dk.stafet.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

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
  private static final String SESSION_TIMEOUT = "session.timeout.ms";
  private static final long KAFKA_DEFAULT_SESSION_TIMEOUT_MS = 45_000;

  private KafkaChannelSettings() {}

  /**
   * The incoming smallrye-kafka channels whose throttled commit would fail the channel when one
   * record stays unacknowledged longer than a limit (the default is 60 s). Our consumers wait out
   * outages and the validator warm-up on purpose, so the limit must be off ({@code -1}) for each,
   * whether set for the channel or once for the connector.
   */
  public static List<String> channelsFailingOnSlowRecords() {
    return incomingChannelsWhere(MAX_AGE, null, limit -> limit == null || limit > 0);
  }

  /**
   * The incoming smallrye-kafka channels whose partitions stay with a consumer that died without
   * leaving its group (SIGKILL, out of memory, a lost node) for longer than {@code limit}: the
   * consumer's {@code session.timeout.ms}, Kafka's default 45 s when unset.
   */
  public static List<String> channelsSlowerToFailOverThan(Duration limit) {
    return incomingChannelsWhere(
        SESSION_TIMEOUT, KAFKA_DEFAULT_SESSION_TIMEOUT_MS, ms -> ms > limit.toMillis());
  }

  private static List<String> incomingChannelsWhere(
      String key, Long defaultValue, Predicate<Long> failing) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Properties application = load(loader, "application.properties");
    if (application.isEmpty()) {
      throw new IllegalStateException("no application.properties on the class path");
    }
    Properties microprofile = load(loader, "META-INF/microprofile-config.properties");
    List<String> matching = new ArrayList<>();
    for (String name : application.stringPropertyNames()) {
      if (name.startsWith(PREFIX)
          && name.endsWith(".connector")
          && "smallrye-kafka".equals(application.getProperty(name))) {
        String channel = name.substring(PREFIX.length(), name.length() - ".connector".length());
        String value =
            firstOf(
                PREFIX + channel + "." + key, CONNECTOR_PREFIX + key, application, microprofile);
        if (failing.test(value == null ? defaultValue : Long.valueOf(value.trim()))) {
          matching.add(channel);
        }
      }
    }
    return matching;
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
