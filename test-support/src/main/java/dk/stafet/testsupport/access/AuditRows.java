package dk.stafet.testsupport.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads a service's {@code audit_entry} table (the same in every service: service-support's
 * AuditEntry) through the service's own datasource.
 */
final class AuditRows {

  private final DataSource dataSource;

  AuditRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  long lastId() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), 0) FROM audit_entry");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows about this patient written after row {@code afterId}. */
  List<Map<String, Object>> ofPatientAfter(String patientKey, long afterId) {
    return after("patient_key", patientKey, afterId);
  }

  /** The rows about this resource (e.g. a quarantined input) written after row {@code afterId}. */
  List<Map<String, Object>> ofResourceAfter(String resourceId, long afterId) {
    return after("resource_id", resourceId, afterId);
  }

  /**
   * Fails unless an audit row cannot be changed or removed: through the service's datasource (the
   * triggers refuse UPDATE, DELETE and TRUNCATE even for the owner), and as the application role
   * production uses (migration V12 grants it everything but those, and it cannot disable the
   * triggers, not being the owner). Inserting stays possible for both.
   */
  void assertAppendOnly() throws SQLException {
    String role = "stafet_app_probe_" + Long.toHexString(System.nanoTime());
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      long id = insertProbe(s);
      refused(s, "UPDATE audit_entry SET caller_sor = 'rewritten' WHERE id = " + id, "append-only");
      refused(s, "DELETE FROM audit_entry WHERE id = " + id, "append-only");
      refused(s, "TRUNCATE audit_entry", "append-only");

      s.execute("CREATE ROLE " + role + " NOLOGIN");
      try {
        s.execute("SELECT stafet_grant_application_role('" + role + "')");
        s.execute("SET ROLE " + role);
        long mine = insertProbe(s);
        refused(
            s, "UPDATE audit_entry SET caller_sor = 'rewritten' WHERE id = " + mine, "permission");
        refused(s, "DELETE FROM audit_entry WHERE id = " + mine, "permission");
        refused(s, "TRUNCATE audit_entry", "permission");
        refused(s, "ALTER TABLE audit_entry DISABLE TRIGGER ALL", "owner");
        refused(s, "DROP TRIGGER audit_entry_no_truncate ON audit_entry", "owner");
      } finally {
        s.execute("RESET ROLE");
        s.execute("DROP OWNED BY " + role);
        s.execute("DROP ROLE " + role);
      }
    }
  }

  private static long insertProbe(java.sql.Statement s) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "INSERT INTO audit_entry (at, caller_sor, action, outcome, resource_type)"
                + " VALUES (now(), 'append-only-probe', 'PROBE', 'DENIED', 'PROBE') RETURNING id")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void refused(java.sql.Statement s, String sql, String because) {
    try {
      s.execute(sql);
    } catch (SQLException expected) {
      if (!String.valueOf(expected.getMessage()).contains(because)) {
        throw new AssertionError(sql + " failed, but not because of '" + because + "'", expected);
      }
      return;
    }
    throw new AssertionError("The application could run: " + sql);
  }

  private List<Map<String, Object>> after(String column, String value, long afterId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, at, caller_sor, person_subject, person_name, caller_roles, action,"
                    + " outcome, patient_key, resource_id FROM audit_entry WHERE "
                    + column
                    + " = ? AND id > ? ORDER BY id")) {
      s.setString(1, value);
      s.setLong(2, afterId);
      try (ResultSet r = s.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            row.put(r.getMetaData().getColumnName(i), r.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
