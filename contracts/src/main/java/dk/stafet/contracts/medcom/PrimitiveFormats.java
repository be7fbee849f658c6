package dk.stafet.contracts.medcom;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The lexical form of each FHIR primitive type as the fast path checks it: the regular expressions
 * of FHIR R4's specification, except the commonest, which are loops. A regular expression such as
 * {@code \S+} walks a value through a chain of lambdas per character; over the uris, urls and codes
 * of a MedCom message that was about 6 % of the front door's CPU in the chaos run (JFR, session
 * 11). {@code PrimitiveFormatsTest} holds each loop to its expression.
 */
final class PrimitiveFormats {

  /** {@code urn:oid:[0-2](\.(0|[1-9][0-9]*))+} */
  static final Predicate<String> OID = PrimitiveFormats::isOidUrn;

  /** {@code urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}} */
  static final Predicate<String> UUID = PrimitiveFormats::isUuidUrn;

  private static final Map<String, Predicate<String>> BY_TYPE =
      Map.ofEntries(
          Map.entry("id", PrimitiveFormats::isId),
          Map.entry("code", PrimitiveFormats::isCode),
          Map.entry("uri", PrimitiveFormats::hasNoWhitespace),
          Map.entry("url", PrimitiveFormats::hasNoWhitespace),
          Map.entry("canonical", PrimitiveFormats::hasNoWhitespace),
          Map.entry("oid", OID),
          Map.entry("uuid", UUID),
          Map.entry("date", text -> DateTimes.date(text, false)),
          Map.entry("dateTime", text -> DateTimes.date(text, true)),
          Map.entry("instant", DateTimes::instant),
          Map.entry(
              "time",
              Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?")
                  .asMatchPredicate()),
          Map.entry("boolean", Pattern.compile("true|false").asMatchPredicate()),
          Map.entry("integer", Pattern.compile("-?([0]|([1-9][0-9]*))").asMatchPredicate()),
          Map.entry("positiveInt", Pattern.compile("\\+?[1-9][0-9]*").asMatchPredicate()),
          Map.entry("unsignedInt", Pattern.compile("[0]|([1-9][0-9]*)").asMatchPredicate()),
          Map.entry(
              "decimal",
              Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")
                  .asMatchPredicate()));

  private PrimitiveFormats() {}

  /** The check of a primitive type's lexical form, if the fast path models the type. */
  static Optional<Predicate<String>> of(String fhirType) {
    return Optional.ofNullable(BY_TYPE.get(fhirType));
  }

  /** {@code \S+}: at least one character, none of them whitespace. */
  static boolean hasNoWhitespace(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isRegexWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [^\s]+( [^\s]+)*}: words of non-whitespace joined by single spaces. */
  static boolean isCode(String text) {
    if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' ? text.charAt(i - 1) == ' ' : isRegexWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9\-.]{1,64}} */
  static boolean isId(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code [A-Za-z][A-Za-z0-9+.-]*:.+}, matched whole: a scheme, a colon, then at least one
   * character, none of them a line terminator (which {@code .} does not match).
   */
  static boolean isAbsoluteUri(String text) {
    int colon = schemeColon(text);
    if (colon < 0 || colon == text.length() - 1) {
      return false; // no scheme, or nothing after it
    }
    for (int i = colon + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the URI scheme the text starts with ends ({@code [A-Za-z][A-Za-z0-9+.-]*:}): the index of
   * its colon, or -1 if the text does not start with one.
   */
  static int schemeColon(String text) {
    if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!(isAsciiLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isOidUrn(String text) {
    // The length makes the loop read at least one arc.
    if (!text.startsWith("urn:oid:") || text.length() < 11) {
      return false;
    }
    char root = text.charAt(8);
    if (root < '0' || root > '2') {
      return false;
    }
    int i = 9;
    while (i < text.length()) {
      if (text.charAt(i) != '.') {
        return false;
      }
      int first = i + 1;
      i = afterDigits(text, first);
      if (i == first || text.charAt(first) == '0' && i - first > 1) {
        return false; // an empty arc, or a leading zero
      }
    }
    return true;
  }

  private static boolean isUuidUrn(String text) {
    if (text.length() != 45 || !text.startsWith("urn:uuid:")) {
      return false;
    }
    for (int i = 9; i < 45; i++) {
      char c = text.charAt(i);
      boolean dash = i == 17 || i == 22 || i == 27 || i == 32;
      if (dash ? c != '-' : !(isDigit(c) || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * FHIR R4's date, dateTime and instant expressions, read left to right: a year of four digits
   * other than 0000, then month 01–12, day 01–31, time {@code HH:MM:SS} (seconds up to 60) with an
   * optional fraction, and a zone {@code Z} or {@code ±HH:MM} up to 13:59 or exactly 14:00. A
   * dateTime may stop after the year, the month or the day; with a time it needs the zone.
   */
  private static final class DateTimes {

    static boolean date(String text, boolean timeAllowed) {
      int i = year(text);
      if (i < 0 || i == text.length()) {
        return i > 0;
      }
      i = twoDigitsAfter(text, i, '-', 1, 12);
      if (i < 0 || i == text.length()) {
        return i > 0;
      }
      i = twoDigitsAfter(text, i, '-', 1, 31);
      if (i < 0 || i == text.length()) {
        return i > 0;
      }
      return timeAllowed && timeAndZone(text, i);
    }

    static boolean instant(String text) {
      int i = year(text);
      i = i < 0 ? -1 : twoDigitsAfter(text, i, '-', 1, 12);
      i = i < 0 ? -1 : twoDigitsAfter(text, i, '-', 1, 31);
      return i > 0 && i < text.length() && timeAndZone(text, i);
    }

    /** {@code THH:MM:SS(.fraction)?} and a zone, to the end of the text. */
    private static boolean timeAndZone(String text, int at) {
      if (text.charAt(at) != 'T') {
        return false;
      }
      int i = twoDigits(text, at + 1, 0, 23);
      i = i < 0 ? -1 : twoDigitsAfter(text, i, ':', 0, 59);
      i = i < 0 ? -1 : twoDigitsAfter(text, i, ':', 0, 60);
      if (i < 0 || i == text.length()) {
        return false;
      }
      if (text.charAt(i) == '.') {
        int first = i + 1;
        i = afterDigits(text, first);
        if (i == first || i == text.length()) {
          return false;
        }
      }
      char zone = text.charAt(i);
      if (zone == 'Z') {
        return i + 1 == text.length();
      }
      if ((zone != '+' && zone != '-') || text.length() != i + 6) {
        return false;
      }
      int hours = twoDigits(text, i + 1, 0, 14);
      int end = hours < 0 ? -1 : twoDigitsAfter(text, hours, ':', 0, 59);
      return end == text.length()
          && (text.charAt(i + 1) != '1' || text.charAt(i + 2) != '4' || text.endsWith(":00"));
    }

    /** Four digits, not all zero: the index after them, or -1. */
    private static int year(String text) {
      if (text.length() < 4) {
        return -1;
      }
      boolean nonZero = false;
      for (int i = 0; i < 4; i++) {
        char c = text.charAt(i);
        if (!isDigit(c)) {
          return -1;
        }
        nonZero |= c != '0';
      }
      return nonZero ? 4 : -1;
    }

    private static int twoDigitsAfter(String text, int at, char separator, int min, int max) {
      return at < text.length() && text.charAt(at) == separator
          ? twoDigits(text, at + 1, min, max)
          : -1;
    }

    /** Two digits from {@code at} making a number in [min, max]: the index after them, or -1. */
    private static int twoDigits(String text, int at, int min, int max) {
      if (at + 2 > text.length() || !isDigit(text.charAt(at)) || !isDigit(text.charAt(at + 1))) {
        return -1;
      }
      int value = (text.charAt(at) - '0') * 10 + text.charAt(at + 1) - '0';
      return value >= min && value <= max ? at + 2 : -1;
    }
  }

  /** The index after the run of digits starting at {@code from} ({@code from} if none). */
  private static int afterDigits(String text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || isDigit(c);
  }

  /** What {@code \s} means in a Java regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
