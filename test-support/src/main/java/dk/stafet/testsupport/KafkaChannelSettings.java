package dk.stafet.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a service's {@code application.properties} for the settings of its incoming Kafka channels,
 * so a plain unit test can hold every channel to a rule without starting Quarkus.
 */
public final class KafkaChannelSettings {

  private static final String PREFIX = "mp.messaging.incoming.";

  private KafkaChannelSettings() {}

  /**
   * The incoming smallrye-kafka channels of {@code application.properties} on the class path whose
   * throttled commit would fail the channel when one record stays unacknowledged longer than a
   * limit (the default is 60 s). Our consumers wait out outages and the validator warm-up on
   * purpose, so each must switch it off ({@code -1}).
   */
  public static List<String> channelsFailingOnSlowRecords() {
    Properties properties = new Properties();
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("application.properties")) {
      if (in == null) {
        throw new IllegalStateException("no application.properties on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> failing = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PREFIX)
          && name.endsWith(".connector")
          && "smallrye-kafka".equals(properties.getProperty(name))) {
        String channel = name.substring(PREFIX.length(), name.length() - ".connector".length());
        String limit =
            properties.getProperty(PREFIX + channel + ".throttled.unprocessed-record-max-age.ms");
        if (limit == null || Long.parseLong(limit.trim()) > 0) {
          failing.add(channel);
        }
      }
    }
    return failing;
  }
}
