package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast path's loops say what FHIR's regular expressions for uri and code say. */
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
