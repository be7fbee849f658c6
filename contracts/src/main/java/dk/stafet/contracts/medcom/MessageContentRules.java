package dk.stafet.contracts.medcom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dk.stafet.contracts.medcom.MedcomIssue.Severity;
import dk.stafet.contracts.time.PlausibleTimes;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Rules on every text value of a message that HAPI's validator does not enforce (issue 13, "strict
 * input"):
 *
 * <ul>
 *   <li>no control characters other than tab, carriage return and line feed (FHIR's string type
 *       allows no others);
 *   <li>every date, dateTime and instant plausible ({@link PlausibleTimes}: not before 1900, not
 *       more than a year ahead).
 * </ul>
 *
 * One streaming pass over the text as received, so each finding names the element path as the
 * sender wrote it ({@code Bundle.entry[3].resource.name[0].family} in JSON; element names without
 * indexes in XML). Values are never quoted in the findings: they may be personal data. Thread-safe.
 */
public final class MessageContentRules {

  /** FHIR's date, dateTime and instant: a year, optionally month, day, time and zone. */
  private static final Pattern FHIR_DATE =
      Pattern.compile(
          "-?\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

  private static final JsonFactory JSON = new JsonFactory();
  private static final XMLInputFactory XML = xmlInputFactory();

  /** More findings than this say nothing new; the rest are counted in the last one. */
  private static final int MAX_FINDINGS = 20;

  private final Clock clock;

  public MessageContentRules(Clock clock) {
    this.clock = clock;
  }

  public List<MedcomIssue> check(String text, MedcomFormat format) {
    List<MedcomIssue> issues = new ArrayList<>();
    Instant now = clock.instant();
    try {
      if (format == MedcomFormat.XML) {
        checkXml(text, now, issues);
      } else {
        checkJson(text, now, issues);
      }
    } catch (IOException | XMLStreamException malformed) {
      // The parser reports malformed text; these rules have nothing to add.
    }
    return issues.size() > MAX_FINDINGS
        ? List.copyOf(issues.subList(0, MAX_FINDINGS))
        : List.copyOf(issues);
  }

  private void checkJson(String text, Instant now, List<MedcomIssue> issues) throws IOException {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      for (JsonToken token = parser.nextToken();
          token != null && issues.size() <= MAX_FINDINGS;
          token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          checkValue(parser.getText(), () -> jsonPath(parser), now, issues);
        }
      }
    }
  }

  private void checkXml(String text, Instant now, List<MedcomIssue> issues)
      throws XMLStreamException {
    XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(text));
    Deque<String> path = new ArrayDeque<>();
    try {
      while (reader.hasNext() && issues.size() <= MAX_FINDINGS) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.addLast(reader.getLocalName());
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            checkValue(reader.getAttributeValue(i), () -> String.join(".", path), now, issues);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.removeLast();
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          checkControlCharacters(reader.getText(), () -> String.join(".", path), issues);
        }
      }
    } finally {
      reader.close();
    }
  }

  private interface PathSupplier {
    String get();
  }

  private static void checkValue(
      String value, PathSupplier path, Instant now, List<MedcomIssue> issues) {
    checkControlCharacters(value, path, issues);
    if (value.length() >= 4 && value.length() <= 35 && FHIR_DATE.matcher(value).matches()) {
      Instant instant = earliestInstantOf(value);
      if (instant == null) {
        return; // not a date after all (e.g. month 13): HAPI's datatype check names it
      }
      if (PlausibleTimes.tooEarly(instant)) {
        issues.add(
            MedcomIssue.hl7(
                Severity.ERROR,
                "value",
                "MSG_PARAM_INVALID",
                path.get(),
                "Date before "
                    + PlausibleTimes.EARLIEST.toString().substring(0, 10)
                    + ": no patient, course or message is that old"));
      } else if (PlausibleTimes.tooFarAhead(instant, now)) {
        issues.add(
            MedcomIssue.hl7(
                Severity.ERROR,
                "value",
                "MSG_PARAM_INVALID",
                path.get(),
                "Date more than " + PlausibleTimes.LATEST_AHEAD.toDays() + " days in the future"));
      }
    }
  }

  private static void checkControlCharacters(
      String value, PathSupplier path, List<MedcomIssue> issues) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r' && c != '\n') {
        issues.add(
            MedcomIssue.hl7(
                Severity.ERROR,
                "invalid",
                "MSG_BAD_SYNTAX",
                path.get(),
                String.format(
                    "Text contains the control character U+%04X; FHIR allows only tab, carriage return and line feed",
                    (int) c)));
        return;
      }
    }
  }

  /**
   * The start of the period a FHIR date names (a year means its first day), in UTC; null if it is
   * no real date.
   */
  private static Instant earliestInstantOf(String value) {
    try {
      if (value.length() == 4 || value.length() == 5 && value.startsWith("-")) {
        return LocalDate.of(Integer.parseInt(value), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.length() == 7) {
        return LocalDate.parse(value + "-01").atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDate.parse(value.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  /** "/entry/3/resource/name/0/family" as "Bundle.entry[3].resource.name[0].family". */
  private static String jsonPath(JsonParser parser) {
    StringBuilder path = new StringBuilder("Bundle");
    for (String step : parser.getParsingContext().pathAsPointer().toString().split("/")) {
      if (step.isEmpty()) {
        continue;
      }
      if (step.chars().allMatch(Character::isDigit)) {
        path.append('[').append(step).append(']');
      } else {
        path.append('.').append(step.replace("~1", "/").replace("~0", "~"));
      }
    }
    return path.toString();
  }

  private static XMLInputFactory xmlInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
