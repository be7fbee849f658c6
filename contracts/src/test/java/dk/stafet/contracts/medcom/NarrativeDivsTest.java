package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec parses entries' narratives itself ({@link NarrativeDivs}, one XHTML parser per thread)
 * and must give the model HAPI's own parse gives: the same written message, the same XHTML in every
 * div. Over every MedCom JSON example, taken apart step by step, and over mutants of them (elements
 * deleted, blanked, retyped, control characters, …, some in the narratives), through the codec.
 */
class NarrativeDivsTest {

  private static final MedcomCodec CODEC = new MedcomCodec();

  static List<Path> jsonExamples() {
    return MessageReenveloperTest.jsonExamples();
  }

  @ParameterizedTest
  @MethodSource("jsonExamples")
  void theNarrativesSetIntoTheModelAreTheOnesHapiParses(Path example) throws Exception {
    String text = MedcomExamples.read(example);
    ObjectNode tree = JsonTrees.strictObject(text);
    ObjectNode untouched = tree.deepCopy();

    List<NarrativeDivs.Taken> taken = NarrativeDivs.takeOut(tree);
    Bundle withoutDivs = CODEC.parse(tree.toString(), MedcomFormat.JSON);
    NarrativeDivs.putBack(taken);

    assertThat(taken).as("every entry of a MedCom example has a narrative").isNotEmpty();
    assertThat(tree).isEqualTo(untouched);
    assertThat(NarrativeDivs.setInto(withoutDivs, tree.get("entry").size(), taken)).isTrue();
    assertSameModel(withoutDivs, hapi(text));
  }

  @ParameterizedTest
  @MethodSource("jsonExamples")
  void theCodecGivesTheModelHapiGives(Path example) {
    String text = MedcomExamples.read(example);

    MedcomCodec.Parsed parsed = CODEC.parseNoted(text, MedcomFormat.JSON);

    assertSameModel(parsed.bundle(), hapi(text));
    assertThat(parsed.tree()).isEqualTo(JsonTrees.strictObject(text));
  }

  @Test
  void mutantsParseAsHapiParsesThem() {
    int compared = 0;
    int throughOurNarratives = 0;
    List<String> apart = new ArrayList<>();
    for (Path example : jsonExamples()) {
      String source = MedcomExamples.read(example);
      for (MedcomMutants.Mutant mutant :
          MedcomMutants.of(example.getFileName().toString(), source, 6, 20261206L)) {
        MedcomCodec.Parsed parsed;
        try {
          parsed = CODEC.parseNoted(mutant.json(), MedcomFormat.JSON);
        } catch (MedcomParseException e) {
          continue; // refused: by HAPI's own parse, which every failure falls back to
        }
        if (parsed.parserNote() != null) {
          continue; // tolerated something: HAPI's own parse made this model
        }
        compared++;
        ObjectNode tree = JsonTrees.strictObject(mutant.json());
        if (tree != null && !NarrativeDivs.takeOut(tree).isEmpty()) {
          throughOurNarratives++;
        }
        Bundle expected = hapi(mutant.json());
        if (!CODEC
                .write(parsed.bundle(), MedcomFormat.JSON)
                .equals(CODEC.write(expected, MedcomFormat.JSON))
            || !divs(parsed.bundle()).equals(divs(expected))) {
          apart.add(mutant.mutationClass() + " " + mutant.source() + " " + mutant.path());
        }
      }
    }
    System.out.printf(
        "narratives: %d mutants parsed without a note compared with HAPI's parse, %d of them with"
            + " narratives the codec parsed itself, %d apart%n",
        compared, throughOurNarratives, apart.size());
    assertThat(apart).isEmpty();
    assertThat(throughOurNarratives).isGreaterThan(1_000);
  }

  /**
   * One thread's parser reused across narratives that end early, carry trailing text, elements
   * outside the safe set, entities, or do not parse at all, each twice in turn: every model equal
   * to HAPI's, every refusal a refusal by both.
   */
  @Test
  void oddNarrativesInTurnParseAsHapiParsesThem() {
    String example = MedcomExamples.read(jsonExamples().get(0));
    String xhtml = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";
    List<String> divs =
        List.of(
            xhtml + "<p>plain</p></div>",
            xhtml + "<p>trailing</p></div> and more",
            xhtml + "<blink>outside the safe set</blink></div>",
            xhtml + "<p>&nbsp;&eacute;&amp;&#169;</p></div>",
            xhtml + "<p>not closed</div>",
            xhtml + "<p>after a broken one</p></div>",
            "<div><p>no namespace</p></div>");
    int parsed = 0;
    for (int round = 0; round < 2; round++) {
      for (String div : divs) {
        ObjectNode tree = JsonTrees.strictObject(example);
        for (JsonNode entry : tree.get("entry")) {
          if (entry.path("resource").path("text") instanceof ObjectNode narrative) {
            narrative.put("div", div);
          }
        }
        String text = tree.toString();
        Bundle expected;
        try {
          expected = hapi(text);
        } catch (RuntimeException e) {
          expected = null;
        }
        Bundle actual;
        try {
          actual = CODEC.parse(text, MedcomFormat.JSON);
        } catch (MedcomParseException e) {
          actual = null;
        }
        assertThat(actual == null).as("refused by the codec: %s", div).isEqualTo(expected == null);
        if (actual != null) {
          assertSameModel(actual, expected);
          parsed++;
        }
      }
    }
    assertThat(parsed).isGreaterThanOrEqualTo(8);
  }

  private static Bundle hapi(String text) {
    return CODEC.fhirContext().newJsonParser().parseResource(Bundle.class, text);
  }

  private static void assertSameModel(Bundle actual, Bundle expected) {
    assertThat(CODEC.write(actual, MedcomFormat.JSON))
        .isEqualTo(CODEC.write(expected, MedcomFormat.JSON));
    assertThat(divs(actual)).isEqualTo(divs(expected));
  }

  /** Each entry's narrative XHTML as its div writes it, and whether it is empty. */
  private static List<String> divs(Bundle bundle) {
    List<String> divs = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof DomainResource domain && domain.hasText()) {
        divs.add(domain.getText().getDiv().isEmpty() + " " + domain.getText().getDivAsString());
      } else {
        divs.add("-");
      }
    }
    return divs;
  }
}
