package dk.stafet.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real outage of one test database: closed to new connections and every session of it terminated,
 * until {@link #close()} opens it again. For proving that a service loses nothing while its
 * database is away. Needs a user allowed to alter the database and terminate its sessions (the test
 * clusters' superuser).
 */
public final class DatabaseOutage implements AutoCloseable {

  private final Connection admin;
  private final String database;

  private DatabaseOutage(Connection admin, String database) {
    this.admin = admin;
    this.database = database;
  }

  /**
   * Takes the database of {@code jdbcUrl} away, working from the cluster's {@code postgres}
   * database.
   */
  public static DatabaseOutage begin(String jdbcUrl, String user, String password)
      throws SQLException {
    String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).split("\\?")[0];
    String maintenance = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
    Connection admin = DriverManager.getConnection(maintenance, user, password);
    try (Statement sql = admin.createStatement()) {
      sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
      sql.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "'");
    } catch (SQLException e) {
      admin.close();
      throw e;
    }
    return new DatabaseOutage(admin, database);
  }

  /** Ends the outage: the database accepts connections again. */
  @Override
  public void close() throws SQLException {
    try (Statement sql = admin.createStatement()) {
      sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
    } finally {
      admin.close();
    }
  }
}
