package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The codec's scan for DTD declarations says what the regular expression it replaced said: {@code
 * (<|\\u003c)!\s*(doctype|entity)}, case-insensitive, anywhere in the text.
 */
class DtdDeclarationScanTest {

  private static final Pattern THE_EXPRESSION_IT_REPLACED =
      Pattern.compile("(<|\\\\u003c)!\\s*(doctype|entity)", Pattern.CASE_INSENSITIVE);

  @Test
  void declarationsAreFoundAndLookAlikesAreNot() {
    assertThat(MedcomCodec.hasDtdDeclaration("<?xml?>\n<!DOCTYPE Bundle []>")).isTrue();
    assertThat(MedcomCodec.hasDtdDeclaration("{\"div\":\"\\u003C! \t entity x\"}")).isTrue();
    assertThat(MedcomCodec.hasDtdDeclaration("<!eNtItY")).isTrue();
    assertThat(MedcomCodec.hasDtdDeclaration("<!-- doctype -->")).isFalse();
    assertThat(MedcomCodec.hasDtdDeclaration("!DOCTYPE and < !ENTITY")).isFalse();
    assertThat(MedcomCodec.hasDtdDeclaration("<!DOCTYP")).isFalse();
    assertThat(MedcomCodec.hasDtdDeclaration("")).isFalse();
  }

  @Property(tries = 3000)
  void theScanAgreesWithTheExpression(@ForAll("nearMisses") String text) {
    assertThat(MedcomCodec.hasDtdDeclaration(text))
        .as("%s", text)
        .isEqualTo(THE_EXPRESSION_IT_REPLACED.matcher(text).find());
  }

  /** Texts built from the pieces a declaration is made of, so that near misses are common. */
  @Provide
  Arbitrary<String> nearMisses() {
    return Arbitraries.of(
            "<", "!", "\\u003c", "\\U003C", "\\u003", " ", "\t", "\n", "DOCTYPE", "doctype",
            "EnTiTy", "entit", "docTYP", "x", "\"", "{", "-", "\u0131")
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }
}
