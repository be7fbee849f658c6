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

  static final Predicate<String> OID =
      Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+").asMatchPredicate();

  static final Predicate<String> UUID =
      Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
          .asMatchPredicate();

  private static final Map<String, Predicate<String>> BY_TYPE =
      Map.ofEntries(
          Map.entry("id", Pattern.compile("[A-Za-z0-9\\-.]{1,64}").asMatchPredicate()),
          Map.entry("code", PrimitiveFormats::isCode),
          Map.entry("uri", PrimitiveFormats::hasNoWhitespace),
          Map.entry("url", PrimitiveFormats::hasNoWhitespace),
          Map.entry("canonical", PrimitiveFormats::hasNoWhitespace),
          Map.entry("oid", OID),
          Map.entry("uuid", UUID),
          Map.entry(
              "date",
              Pattern.compile(
                      "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?")
                  .asMatchPredicate()),
          Map.entry(
              "dateTime",
              Pattern.compile(
                      "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?")
                  .asMatchPredicate()),
          Map.entry(
              "instant",
              Pattern.compile(
                      "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))")
                  .asMatchPredicate()),
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

  /** What {@code \s} means in a Java regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
