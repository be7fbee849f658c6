package dk.stafet.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The chaos run's lost admission: the front door stored a letter, committed, acknowledged the Kafka
 * record — and the commit was gone after PostgreSQL was stopped immediately, because the local and
 * test clusters ran with {@code synchronous_commit=off} (a confirmed commit may still sit in the
 * WAL buffers for up to ~0.6 s). The stack's cluster now runs {@code --durable}: every commit
 * PostgreSQL confirmed must be there after an immediate stop.
 */
class ImmediateStopKeepsCommitsIT {

  private static PgCluster cluster;

  @Test
  void everyConfirmedCommitSurvivesAnImmediateStopOfADurableCluster() throws Exception {
    assumeTrue(
        PgCluster.possible(), "needs root and Debian's PostgreSQL (a cluster of its own to stop)");
    cluster =
        new PgCluster(
            Path.of(System.getProperty("stafet.e2e.root", "..")).toAbsolutePath().normalize(),
            "stafet-chaos-durability");
    String port =
        cluster.start(
            "--port", "auto", "--base", "26600", "--durable"); // below the ephemeral ports
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.createStatement()
          .execute("DROP TABLE IF EXISTS letter; CREATE TABLE letter (id BIGINT PRIMARY KEY)");
    }
    AtomicLong confirmed = new AtomicLong();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(url, "postgres", "");
                  PreparedStatement insert = c.prepareStatement("INSERT INTO letter VALUES (?)")) {
                for (long id = 1; ; id++) {
                  insert.setLong(1, id);
                  insert
                      .executeUpdate(); // autocommit: returns once PostgreSQL confirmed the commit
                  confirmed.set(id);
                }
              } catch (SQLException stopped) {
                // the immediate stop cut the session
              }
            });
    writer.start();
    while (confirmed.get() < 2000) {
      Thread.sleep(20);
    }
    cluster.stopImmediately();
    writer.join(10_000);
    cluster.start("--durable");
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        ResultSet rs =
            c.createStatement().executeQuery("SELECT count(*), coalesce(max(id), 0) FROM letter")) {
      rs.next();
      long stored = rs.getLong(1);
      assertTrue(
          stored >= confirmed.get(), "confirmed " + confirmed.get() + " commits, stored " + stored);
      assertEquals(stored, rs.getLong(2), "ids 1..n without a hole");
    }
  }

  @AfterAll
  static void drop() throws Exception {
    if (cluster != null) {
      cluster.drop();
    }
  }
}
