package dk.stafet.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.OutputStreamHandler;
import org.junit.jupiter.api.Test;

/**
 * The prod profile writes JSON log lines (quarkus-logging-json's formatter on the console handler);
 * the console handler's filter, {@link CprMaskingLogFilter}, runs before the formatter, so a CPR
 * number in a message or an exception is masked in the JSON line too. Built as Quarkus builds the
 * console handler: the filter and the JSON formatter on one handler.
 */
class CprMaskingJsonLogTest {

  @Test
  void aCprNumberInAMessageOrAnExceptionIsMaskedInTheJsonLine() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    OutputStreamHandler handler = new OutputStreamHandler(console, new JsonFormatter());
    handler.setFilter(new CprMaskingLogFilter());

    ExtLogRecord record =
        new ExtLogRecord(
            Level.WARNING, "could not store patient %s", ExtLogRecord.FormatStyle.PRINTF, "test");
    record.setParameters(new Object[] {"250947-9989"});
    record.setThrown(
        new IllegalStateException(
            "duplicate key value violates unique constraint; Key (cpr)=(2509479989)"));
    handler.publish(record);
    handler.flush();

    String line = console.toString(StandardCharsets.UTF_8).trim();
    assertThat(line).isNotEmpty().doesNotContain("9989").doesNotContain("250947");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("message").asText()).startsWith("could not store patient ***");
    assertThat(json.path("level").asText()).isEqualTo("WARNING");
    // The JSON formatter names the stand-in's class; its message still says what was thrown.
    assertThat(json.path("exception").path("message").asText())
        .isEqualTo(
            "java.lang.IllegalStateException: duplicate key value violates unique constraint;"
                + " Key (cpr)=(**********)");
  }
}
