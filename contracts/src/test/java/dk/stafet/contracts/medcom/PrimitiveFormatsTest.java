package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path's loops say what FHIR R4's regular expressions say (uri, code, id, oid, uuid, date,
 * dateTime, instant), and what the fast path's own expression for a code system's absolute uri
 * says: each over generated texts near the edges of its expression, both ways, whole-text matches.
 */
class PrimitiveFormatsTest {

  private static final Pattern URI = Pattern.compile("\\S+");
  private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");

  @Property(tries = 5000)
  void aUriHasNoWhitespaceExactlyAsTheExpressionSays(@ForAll("nearWhitespace") String text) {
    assertThat(PrimitiveFormats.of("uri").orElseThrow().test(text))
        .as("uri %s", text.replace("\n", "\\n"))
        .isEqualTo(URI.matcher(text).matches());
  }

  @Property(tries = 5000)
  void aCodeIsWordsJoinedBySingleSpacesExactlyAsTheExpressionSays(
      @ForAll("nearWhitespace") String text) {
    assertThat(PrimitiveFormats.of("code").orElseThrow().test(text))
        .as("code %s", text.replace("\n", "\\n"))
        .isEqualTo(CODE.matcher(text).matches());
  }

  private static final String YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
  private static final String TIME_AND_ZONE =
      "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
  private static final Map<String, Pattern> EXPRESSIONS =
      Map.of(
          "id", Pattern.compile("[A-Za-z0-9\\-.]{1,64}"),
          "oid", Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+"),
          "uuid",
              Pattern.compile(
                  "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
          "date", Pattern.compile(YEAR + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?"),
          "dateTime",
              Pattern.compile(
                  YEAR
                      + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])("
                      + TIME_AND_ZONE
                      + ")?)?)?"),
          "instant",
              Pattern.compile(
                  YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])" + TIME_AND_ZONE));
  private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

  @Property(tries = 20000)
  void datesAndTimesAreReadAsTheExpressionsSay(@ForAll("nearDateTimes") String text) {
    for (String type : List.of("date", "dateTime", "instant")) {
      assertSameAsExpression(type, text);
    }
  }

  @Property(tries = 10000)
  void identifiersAreReadAsTheExpressionsSay(@ForAll("nearIdentifiers") String text) {
    for (String type : List.of("id", "oid", "uuid")) {
      assertSameAsExpression(type, text);
    }
    assertThat(PrimitiveFormats.isAbsoluteUri(text))
        .as("absolute uri %s", text)
        .isEqualTo(ABSOLUTE_URI.matcher(text).matches());
  }

  private static void assertSameAsExpression(String type, String text) {
    assertThat(PrimitiveFormats.of(type).orElseThrow().test(text))
        .as("%s %s", type, text.replace("\n", "\\n"))
        .isEqualTo(EXPRESSIONS.get(type).matcher(text).matches());
  }

  @Example
  void datesAndIdentifiersEitherSide() {
    var dateTime = PrimitiveFormats.of("dateTime").orElseThrow();
    assertThat(dateTime.test("2026-12-06T16:05:00+01:00")).isTrue();
    assertThat(dateTime.test("2026-12-06T16:05:00.123Z")).isTrue();
    assertThat(dateTime.test("2026-12")).isTrue();
    assertThat(dateTime.test("0000")).isFalse();
    assertThat(dateTime.test("2026-12-06T16:05:00")).isFalse(); // a time needs its zone
    assertThat(dateTime.test("2026-12-06T16:05:00+14:01")).isFalse();
    assertThat(PrimitiveFormats.of("instant").orElseThrow().test("2026-12-06")).isFalse();
    assertThat(PrimitiveFormats.of("date").orElseThrow().test("2026-02-31")).isTrue(); // lexical
    assertThat(PrimitiveFormats.OID.test("urn:oid:1.2.208.176.1.2")).isTrue();
    assertThat(PrimitiveFormats.OID.test("urn:oid:1.02")).isFalse();
    assertThat(PrimitiveFormats.UUID.test("urn:uuid:8c35ab0a-e4fb-4706-aa2d-ec19b1b8b034"))
        .isTrue();
    assertThat(PrimitiveFormats.UUID.test("urn:uuid:8C35AB0A-e4fb-4706-aa2d-ec19b1b8b034"))
        .isFalse();
    assertThat(PrimitiveFormats.isAbsoluteUri("urn:oid:1.2")).isTrue();
    assertThat(PrimitiveFormats.isAbsoluteUri("http:")).isFalse();
    assertThat(PrimitiveFormats.isAbsoluteUri("http://x\ny")).isFalse();
  }

  /** Valid dates and times of every length, cut, and with a character changed or inserted. */
  @Provide
  Arbitrary<String> nearDateTimes() {
    Arbitrary<String> valid =
        Arbitraries.of(
            "2026",
            "0001",
            "1000",
            "2026-12",
            "2026-12-31",
            "2026-01-01T00:00:00Z",
            "2026-12-06T23:59:60.5+14:00",
            "2026-12-06T12:30:00-13:59",
            "2026-12-06T12:30:00.000001+01:00",
            "9999-12-31T23:59:59Z");
    return Combinators.combine(
            valid,
            Arbitraries.integers().between(0, 40),
            Arbitraries.of(
                '0', '1', '2', '3', '4', '5', '6', '9', '-', ':', '.', 'T', 'Z', '+', ' '),
            Arbitraries.integers().between(0, 3))
        .as(PrimitiveFormatsTest::mutated);
  }

  /** Ids, OIDs, UUIDs and uris, cut, and with a character changed or inserted. */
  @Provide
  Arbitrary<String> nearIdentifiers() {
    Arbitrary<String> valid =
        Arbitraries.of(
            "urn:oid:1.2.208.176.1.2",
            "urn:oid:0.0",
            "urn:oid:2.16.840.1.113883.2.24.1.1",
            "urn:uuid:8c35ab0a-e4fb-4706-aa2d-ec19b1b8b034",
            "http://medcomfhir.dk/ig/terminology/CodeSystem/x",
            "a+b.c-d:e",
            "Patient-1",
            "a".repeat(64),
            "a".repeat(65));
    return Combinators.combine(
            valid,
            Arbitraries.integers().between(0, 70),
            Arbitraries.of(
                '0', '1', '9', 'a', 'f', 'g', 'F', '.', '-', ':', '+', '/', ' ', '\n', '\r',
                '\u0085', '\u2028', '\u00e6'),
            Arbitraries.integers().between(0, 3))
        .as(PrimitiveFormatsTest::mutated);
  }

  /** 0: as it is; 1: cut at {@code at}; 2: the character at {@code at} replaced; 3: inserted. */
  private static String mutated(String valid, int at, char c, int how) {
    int i = Math.min(at, valid.length());
    return switch (how) {
      case 0 -> valid;
      case 1 -> valid.substring(0, i);
      case 2 ->
          i == valid.length() ? valid + c : valid.substring(0, i) + c + valid.substring(i + 1);
      default -> valid.substring(0, i) + c + valid.substring(i);
    };
  }

  @Example
  void examplesEitherSide() {
    var code = PrimitiveFormats.of("code").orElseThrow();
    assertThat(code.test("STIN")).isTrue();
    assertThat(code.test("two words")).isTrue();
    assertThat(code.test("two  spaces")).isFalse();
    assertThat(code.test(" lead")).isFalse();
    assertThat(code.test("tab\there")).isFalse();
    assertThat(code.test("")).isFalse();
    var uri = PrimitiveFormats.of("uri").orElseThrow();
    assertThat(uri.test("urn:oid:1.2.208.176.1.2")).isTrue();
    assertThat(uri.test("http://x y")).isFalse();
    assertThat(uri.test("æøå\u00A0")).isTrue(); // \s is ASCII whitespace only
    assertThat(PrimitiveFormats.of("xhtml")).isEmpty();
  }

  @Provide
  Arbitrary<String> nearWhitespace() {
    return Arbitraries.strings()
        .withChars('a', 'Z', '7', ':', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2028')
        .ofMinLength(0)
        .ofMaxLength(8);
  }
}
