package dk.stafet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Proves that the resources start a real broker and a real database (plain JUnit, no Quarkus
 * application).
 */
class LocalStackResourcesTest {

  @Test
  void kafkaBrokerTakesAndGivesBackARecord() {
    KafkaKraftResource resource = new KafkaKraftResource();
    resource.init(Map.of());
    String bootstrap = resource.start().get("kafka.bootstrap.servers");
    assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
    // A second start (another Quarkus application in the same JVM) reuses the broker.
    assertThat(new KafkaKraftResource().start())
        .containsEntry("kafka.bootstrap.servers", bootstrap);

    String key = UUID.randomUUID().toString();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
      kafka.send("test-support.smoke", "other", "{\"n\":0}");
      kafka.send("test-support.smoke", key, "{\"n\":1}", Map.of("ce_type", "Smoke"));
      ConsumerRecord<String, String> r =
          kafka.awaitRecord(
              "test-support.smoke", rec -> key.equals(rec.key()), Duration.ofSeconds(30));
      assertThat(r.value()).isEqualTo("{\"n\":1}");
      assertThat(KafkaTestClient.header(r, "ce_type")).contains("Smoke");
      assertThat(kafka.readAll("test-support.smoke", Duration.ofSeconds(10)))
          .hasSizeGreaterThanOrEqualTo(2);
      assertThatThrownBy(
              () -> kafka.awaitRecord("test-support.smoke", rec -> false, Duration.ofMillis(500)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("found 0");
    }
    resource.stop();
  }

  @Test
  void postgresGivesEachStartItsOwnDatabase() throws SQLException {
    PostgresResource first = new PostgresResource();
    PostgresResource second = new PostgresResource();
    first.init(Map.of());
    second.init(Map.of("datasource", "other"));
    Map<String, String> a = first.start();
    Map<String, String> b = second.start();
    String urlA = a.get("quarkus.datasource.jdbc.url");
    String urlB = b.get("quarkus.datasource.\"other\".jdbc.url");
    assertThat(urlA).startsWith("jdbc:postgresql://127.0.0.1:").isNotEqualTo(urlB);

    try (Connection c =
            DriverManager.getConnection(
                urlA, a.get("quarkus.datasource.username"), a.get("quarkus.datasource.password"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE course (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL)");
      s.execute("INSERT INTO course (title) VALUES ('hip replacement')");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), current_setting('server_version_num')::int FROM course")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(140000);
      }
    }
    try (Connection c =
            DriverManager.getConnection(
                urlB,
                b.get("quarkus.datasource.\"other\".username"),
                b.get("quarkus.datasource.\"other\".password"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'course'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the other database does not see the table").isZero();
    }
    String database = urlA.substring(urlA.lastIndexOf('/') + 1);
    first.stop();
    second.stop();
    String[] admin = PostgresResource.newDatabase();
    try (Connection c = DriverManager.getConnection(admin[0], admin[1], admin[2]);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("dropped when the resource stops").isZero();
    }
  }
}
