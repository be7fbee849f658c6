package dk.stafet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s, without Docker:
 *
 * <pre>{@code @WithTestResource(PostgresResource.class)}</pre>
 *
 * <p>One server per JVM (see {@link PostgresServer} for the modes: {@code
 * -Dpg.mode=auto|system|zonky}); each start of this resource, i.e. each Quarkus application start,
 * gets a fresh empty database, dropped again when the application stops. Returns {@code
 * quarkus.datasource.jdbc.url}, {@code .username} and {@code .password} (the superuser; Flyway may
 * do anything). With the init argument {@code datasource=NAME} it returns the properties of that
 * named datasource instead.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private String datasource;
  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    datasource = initArgs.get("datasource");
  }

  @Override
  public synchronized Map<String, String> start() {
    String[] db = JvmShared.call(PostgresServer.class, "createDatabase").split("\n");
    database = db[3];
    String prefix =
        datasource == null || datasource.isBlank()
            ? "quarkus.datasource."
            : "quarkus.datasource.\"" + datasource + "\".";
    Map<String, String> config = new HashMap<>();
    config.put(prefix + "jdbc.url", db[0]);
    config.put(prefix + "username", db[1]);
    config.put(prefix + "password", db[2]);
    return config;
  }

  @Override
  public synchronized void stop() {
    if (database != null) {
      JvmShared.call(PostgresServer.class, "dropDatabase", database);
      database = null;
    }
  }

  /**
   * A fresh database for tests that are not Quarkus tests: {jdbcUrl, user, password, name}. Dropped
   * at JVM exit.
   */
  public static String[] newDatabase() {
    return JvmShared.call(PostgresServer.class, "createDatabase").split("\n");
  }

  /** "mode port" of the JVM's server, starting it if needed. */
  public static String server() {
    return JvmShared.call(PostgresServer.class, "startShared");
  }
}
