package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec reads a JSON message into one strict tree of its text, and the fast path compares the
 * model with that tree and with the model written as a tree ({@link JsonTrees}). Each must be what
 * the text gives: the codec's model the same as HAPI's parse of the text (and the tree left as it
 * was), the model written as a tree the same as the written text read back, and no tree at all for
 * what HAPI's lenient reader reads differently.
 */
class JsonTreesTest {

  private static final MedcomCodec CODEC = new MedcomCodec();

  static List<Path> jsonExamples() {
    return MessageReenveloperTest.jsonExamples();
  }

  @ParameterizedTest
  @MethodSource("jsonExamples")
  void theCodecsModelIsHapisParseOfTheTextAndTheTreeIsLeftAsItWas(Path example) throws Exception {
    String text = MedcomExamples.read(example);
    MedcomCodec.Parsed parsed = CODEC.parseNoted(text, MedcomFormat.JSON);
    assertThat(parsed.tree()).as("strict JSON gives a tree").isNotNull();
    JsonNode untouched = JsonTrees.strictObject(text);

    Bundle fromText = CODEC.fhirContext().newJsonParser().parseResource(Bundle.class, text);

    assertThat(CODEC.write(parsed.bundle(), MedcomFormat.JSON))
        .isEqualTo(CODEC.write(fromText, MedcomFormat.JSON));
    // What the text does not show: each entry's resource id as HAPI set it from the fullUrl
    assertThat(ids(parsed.bundle())).isEqualTo(ids(fromText)).doesNotContainNull();
    assertThat(parsed.tree()).isEqualTo(untouched);
  }

  @ParameterizedTest
  @MethodSource("jsonExamples")
  void theModelWrittenAsATreeIsTheWrittenTextReadBack(Path example) throws Exception {
    Bundle bundle = CODEC.parse(MedcomExamples.read(example), MedcomFormat.JSON);
    for (Set<String> leftOut : List.of(Set.<String>of(), Set.of("*.text.div"))) {
      IParser parser = CODEC.fhirContext().newJsonParser().setDontEncodeElements(leftOut);

      JsonNode asTree = JsonTrees.encoded((IJsonLikeParser) parser, bundle);

      assertThat(asTree).isEqualTo(JsonTrees.strictObject(parser.encodeResourceToString(bundle)));
    }
  }

  @Test
  void decimalsKeepTheirDigitsOnBothSides() throws Exception {
    Observation observation =
        new Observation().setValue(new Quantity().setValueElement(decimal("1.50")));
    IParser parser = CODEC.fhirContext().newJsonParser();
    String text = parser.encodeResourceToString(observation);

    JsonNode written = JsonTrees.encoded((IJsonLikeParser) parser, observation);
    ObjectNode read = JsonTrees.strictObject(text);

    assertThat(written.at("/valueQuantity/value").asText()).isEqualTo("1.50");
    assertThat(read.at("/valueQuantity/value").asText()).isEqualTo("1.50");
  }

  /** What HAPI's reader takes and reads its own way is left to it: no tree, so no fast path. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"type\":\"batch\"}", // repeated name
        "{'resourceType':'Bundle','type':'message'}", // single quotes
        "{\"resourceType\":\"Bundle\",\"total\":+1}", // a leading plus sign
        "\u000B{\"resourceType\":\"Bundle\"}", // whitespace Java knows and JSON does not
        "\uFEFF{\"resourceType\":\"Bundle\"}", // a byte order mark
        "[{\"resourceType\":\"Bundle\"}]", // not an object
        "{\"resourceType\":\"Bundle\"} {}" // something after it
      })
  void textThatIsNotStrictJsonHasNoTree(String text) {
    assertThat(JsonTrees.strictObject(text)).isNull();
  }

  @Test
  void aMessageWithRepeatedNamesIsParsedAsBeforeAndLeftToHapi() {
    String text = MedcomExamples.read(jsonExamples().get(0));
    String repeated = text.replaceFirst("\\{", "{\"id\":\"first\",");

    MedcomCodec.Parsed parsed = CODEC.parseNoted(repeated, MedcomFormat.JSON);

    assertThat(parsed.tree()).isNull();
    assertThat(parsed.bundle().getIdElement().getIdPart())
        .isEqualTo(
            CODEC
                .fhirContext()
                .newJsonParser()
                .parseResource(Bundle.class, repeated)
                .getIdElement()
                .getIdPart());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getValue()).toList();
  }

  private static DecimalType decimal(String value) {
    DecimalType decimal = new DecimalType();
    decimal.setValueAsString(value);
    assertThat(decimal.getValue()).isEqualTo(new BigDecimal(value));
    return decimal;
  }
}
