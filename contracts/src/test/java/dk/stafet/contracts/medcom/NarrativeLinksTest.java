package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The character checks of {@link NarrativeLinks} say what the regular expressions they replace
 * said.
 */
class NarrativeLinksTest {

  private static final Pattern ANCHOR_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final Pattern LINK = Pattern.compile("(https?://|#)?[A-Za-z0-9_.:/#=?&%+~-]+");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern WEB_LINK = Pattern.compile("https?://.*");

  @Property(tries = 5000)
  void anAnchorNameIsWhatTheExpressionAccepted(@ForAll("attributeValues") String value) {
    assertThat(NarrativeLinks.isAnchorName(value)).isEqualTo(ANCHOR_NAME.matcher(value).matches());
  }

  @Property(tries = 5000)
  void aSafeLinkIsWhatTheExpressionsAccepted(@ForAll("attributeValues") String value) {
    boolean expressions =
        LINK.matcher(value).matches()
            && (!SCHEME.matcher(value).matches() || WEB_LINK.matcher(value).matches());
    assertThat(NarrativeLinks.isSafeLink(value)).isEqualTo(expressions);
  }

  @Example
  void linksAsMedcomNarrativesHaveThem() {
    assertThat(NarrativeLinks.isSafeLink("#hcPatient")).isTrue();
    assertThat(NarrativeLinks.isSafeLink("https://medcomfhir.dk/ig/core/")).isTrue();
    assertThat(NarrativeLinks.isSafeLink("Patient/1")).isTrue();
    assertThat(NarrativeLinks.isSafeLink("javascript:alert(1)")).isFalse();
    assertThat(NarrativeLinks.isSafeLink("mailto:x@y.dk")).isFalse();
    assertThat(NarrativeLinks.isSafeLink("data:text/html")).isFalse();
    assertThat(NarrativeLinks.isAnchorName("Patient.identifier")).isTrue();
    assertThat(NarrativeLinks.isAnchorName(null)).isFalse();
  }

  @Provide
  Arbitrary<String> attributeValues() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "http://",
            "https://",
            "http:",
            "https",
            "#",
            "javascript:",
            "mailto:",
            "Patient/1",
            "a",
            "Z",
            "0",
            "_",
            ".",
            ":",
            "-",
            "/",
            "=",
            "?",
            "&",
            "%",
            "+",
            "~",
            " ",
            "\n",
            "!",
            "<",
            "\"",
            "é",
            "x1+.-:",
            "h",
            "t",
            "p",
            "s");
    return pieces.list().ofMaxSize(8).map(list -> String.join("", list));
  }
}
