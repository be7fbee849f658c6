package dk.stafet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two Quarkus applications in one JVM (different resource sets, so Quarkus restarts in between):
 * both see the same broker, which still works after the first application's class loader is closed,
 * and each application gets its own database.
 */
final class SharedServersCheck {

  static final String BROKER = "stafet.test.seen-broker";
  static final String DATABASES = "stafet.test.seen-databases";

  static void checkKafkaAndDatabase() throws Exception {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    synchronized (System.getProperties()) {
      String before = System.getProperty(BROKER);
      if (before != null) {
        assertThat(bootstrap).as("one broker per JVM").isEqualTo(before);
      }
      System.setProperty(BROKER, bootstrap);
    }
    String key = UUID.randomUUID().toString();
    try (KafkaTestClient kafka = KafkaTestClient.create()) {
      assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
      kafka.send("test-support.restart", key, "hello");
      assertThat(
              kafka
                  .awaitRecord(
                      "test-support.restart", r -> key.equals(r.key()), Duration.ofSeconds(30))
                  .value())
          .isEqualTo("hello");
    }
    String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    synchronized (System.getProperties()) {
      String seen = System.getProperty(DATABASES, "");
      assertThat(seen.split(",")).as("a fresh database per application").doesNotContain(url);
      System.setProperty(DATABASES, seen + "," + url);
    }
    java.util.Properties credentials = new java.util.Properties();
    credentials.put(
        "user", ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
    credentials.put(
        "password",
        ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
    // The driver directly: DriverManager hides drivers registered by another class loader.
    try (Connection c = new org.postgresql.Driver().connect(url, credentials);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE marker (id INT)"); // would fail if another application had made it here
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
