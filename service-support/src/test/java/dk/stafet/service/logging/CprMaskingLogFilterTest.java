package dk.stafet.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class CprMaskingLogFilterTest {

  private final CprMaskingLogFilter filter = new CprMaskingLogFilter();

  @Test
  void aCprNumberInTheMessageOrItsParametersIsMasked() {
    ExtLogRecord record =
        new ExtLogRecord(
            Level.WARNING, "could not store patient %s", ExtLogRecord.FormatStyle.PRINTF, "test");
    record.setParameters(new Object[] {"2509479989"});

    assertThat(filter.isLoggable(record)).isTrue();

    assertThat(record.getFormattedMessage()).isEqualTo("could not store patient **********");
  }

  @Test
  void aCprNumberInAnExceptionChainIsMaskedAndTheChainKeepsItsTypesAndStackTraces() {
    IllegalStateException cause =
        new IllegalStateException(
            "ERROR: duplicate key value violates unique constraint; Key (cpr)=(250947-9989)");
    RuntimeException thrown = new RuntimeException("could not execute statement", cause);
    ExtLogRecord record =
        new ExtLogRecord(
            Level.SEVERE,
            "SRMSG00200: the method threw",
            ExtLogRecord.FormatStyle.NO_FORMAT,
            "test");
    record.setThrown(thrown);

    filter.isLoggable(record);

    StringWriter printed = new StringWriter();
    record.getThrown().printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString())
        .doesNotContain("9989")
        .contains("java.lang.RuntimeException: could not execute statement")
        .contains("Caused by: java.lang.IllegalStateException: ERROR: duplicate key value")
        .contains(CprMaskingLogFilterTest.class.getName());
  }

  @Test
  void aRecordWithoutACprNumberIsLeftAsItIs() {
    RuntimeException thrown = new RuntimeException("timeout after 30000 ms, offset 1234567890123");
    ExtLogRecord record =
        new ExtLogRecord(
            Level.INFO, "published %d events", ExtLogRecord.FormatStyle.PRINTF, "test");
    record.setParameters(new Object[] {42});
    record.setThrown(thrown);

    filter.isLoggable(record);

    assertThat(record.getFormattedMessage()).isEqualTo("published 42 events");
    assertThat(record.getThrown()).isSameAs(thrown);
  }
}
