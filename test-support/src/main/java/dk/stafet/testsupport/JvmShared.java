package dk.stafet.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a static method of this module in the JVM's system class loader.
 *
 * <p>Quarkus loads test resources through a fresh class loader for every application it starts, and
 * closes that loader when the application stops. A broker or database server kept in a static field
 * of such a loader would be neither shared with the next application nor safe to run once its
 * loader is closed. The servers therefore live in the classes as the system class loader sees them
 * (the test class path is on it in a Surefire fork and in an IDE), which lives as long as the JVM.
 * Only JDK types cross the boundary.
 */
final class JvmShared {

  private JvmShared() {}

  /**
   * Calls {@code owner.method(String...)} as loaded by the system class loader, or by owner's own
   * loader as a fallback.
   */
  static String call(Class<?> owner, String method, String... args) {
    Class<?> target = owner;
    ClassLoader system = ClassLoader.getSystemClassLoader();
    if (owner.getClassLoader() != system) {
      try {
        target = Class.forName(owner.getName(), true, system);
      } catch (ClassNotFoundException | LinkageError e) {
        target =
            owner; // not on the system class path (unusual launcher): share within this loader only
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Threads the servers start inherit this; Kafka also loads configured classes through it.
    thread.setContextClassLoader(target.getClassLoader());
    try {
      Method m = target.getDeclaredMethod(method, String[].class);
      m.setAccessible(true);
      return (String) m.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot call " + owner.getName() + "." + method, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * A setting from a system property, else the environment variable of the same name in upper snake
   * case.
   */
  static String setting(String property, String defaultValue) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return v == null || v.isBlank() ? defaultValue : v.trim();
  }

  /** Strong references: JUL forgets the level of a logger nobody holds. */
  private static final java.util.List<java.util.logging.Logger> QUIETED =
      new java.util.ArrayList<>();

  /**
   * Sets the JUL level (WARNING, INFO, …; WARN and DEBUG are accepted too) of the given logger
   * categories.
   */
  static void quiet(String level, String... categories) {
    String l =
        switch (level.toUpperCase(java.util.Locale.ROOT)) {
          case "WARN" -> "WARNING";
          case "DEBUG" -> "FINE";
          case "TRACE" -> "FINEST";
          case "ERROR" -> "SEVERE";
          default -> level.toUpperCase(java.util.Locale.ROOT);
        };
    java.util.logging.Level lvl = java.util.logging.Level.parse(l);
    synchronized (QUIETED) {
      for (String name : categories) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(lvl);
        QUIETED.add(logger);
      }
    }
  }
}
