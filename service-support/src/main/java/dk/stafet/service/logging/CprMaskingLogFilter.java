package dk.stafet.service.logging;

import dk.stafet.contracts.cpr.CprNumber;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last guard against a CPR number in a log line: every record of the console log passes through
 * here, and anything shaped like a CPR number in its message or in the messages of its exceptions
 * is masked. Stafet's own code never logs one, but libraries do log what they are given: PostgreSQL
 * quotes key values in constraint violations ("Key (cpr)=(…) already exists"), Hibernate and
 * SmallRye Reactive Messaging log those messages at WARN and ERROR. Switched on for the whole
 * console log in service-support's configuration ({@code quarkus.log.console.filter}).
 */
@LoggingFilter(name = CprMaskingLogFilter.NAME)
public final class CprMaskingLogFilter implements Filter {

  public static final String NAME = "stafet-cpr-mask";

  @Override
  public boolean isLoggable(LogRecord record) {
    String formatted = formatted(record);
    if (formatted != null) {
      String masked = CprNumber.maskAll(formatted);
      if (!masked.equals(formatted)) {
        if (record instanceof ExtLogRecord ext) {
          ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
          record.setMessage(masked);
        }
        record.setParameters(null);
      }
    }
    if (record.getThrown() != null && carriesCpr(record.getThrown())) {
      record.setThrown(masked(record.getThrown()));
    }
    return true;
  }

  private static String formatted(LogRecord record) {
    if (record instanceof ExtLogRecord ext) {
      return ext.getFormattedMessage();
    }
    Object[] parameters = record.getParameters();
    if (parameters == null || parameters.length == 0) {
      return record.getMessage();
    }
    StringBuilder all = new StringBuilder(String.valueOf(record.getMessage()));
    for (Object parameter : parameters) {
      all.append(' ').append(parameter);
    }
    return all.toString();
  }

  private static boolean carriesCpr(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !CprNumber.maskAll(message).equals(message)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of the exception chain with masked messages, the same types' names and the same stack
   * traces.
   */
  private static Throwable masked(Throwable original) {
    Throwable cause =
        original.getCause() == null || original.getCause() == original
            ? null
            : masked(original.getCause());
    String message =
        original.getMessage() == null ? null : CprNumber.maskAll(original.getMessage());
    MaskedException copy = new MaskedException(original.getClass().getName(), message, cause);
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }

  /**
   * Stands in for an exception whose message was masked. Its message starts with the original
   * type's name, and it prints as the original would ({@code type: message}), so both the text log
   * and the JSON log (which names the stand-in's class as {@code exceptionType}) say what was
   * thrown.
   */
  static final class MaskedException extends RuntimeException {

    MaskedException(String originalType, String message, Throwable cause) {
      super(message == null ? originalType : originalType + ": " + message, cause, false, true);
    }

    @Override
    public String toString() {
      return getLocalizedMessage();
    }
  }
}
