package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MedcomCodecTest {

  private static final String CPR_IN_EXAMPLES = "2509479989";
  private final MedcomCodec codec = new MedcomCodec();

  static Stream<Path> everyExample() {
    return MedcomExamples.allExampleFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("everyExample")
  void everyExampleSurvivesAJsonAndAnXmlRoundTrip(Path file) {
    Bundle original = codec.parse(MedcomExamples.read(file), (String) null);

    for (MedcomFormat format : MedcomFormat.values()) {
      String written = codec.write(original, format);
      Bundle reparsed = codec.parse(written, format.mimeType());

      if (format == MedcomFormat.JSON) {
        assertThat(reparsed.equalsDeep(original))
            .as("JSON round trip of " + file.getFileName())
            .isTrue();
      } else {
        // HAPI's XML reader normalises whitespace inside XHTML narratives ("Profile: \n   <a>"),
        // nothing else.
        assertThat(withoutNarratives(reparsed).equalsDeep(withoutNarratives(original)))
            .as("XML round trip of " + file.getFileName())
            .isTrue();
        assertThat(narratives(reparsed)).isEqualTo(narratives(original));
      }
      MedcomMessage before = new MedcomMessage(original);
      MedcomMessage after = new MedcomMessage(reparsed);
      assertThat(after.bundleId()).isEqualTo(before.bundleId());
      assertThat(after.bundleTimestamp()).isEqualTo(before.bundleTimestamp());
      assertThat(after.messageHeaderId()).isEqualTo(before.messageHeaderId());
      assertThat(after.messageType()).isEqualTo(before.messageType());
      assertThat(reparsed.getEntry()).hasSameSizeAs(original.getEntry());
    }
  }

  private static Bundle withoutNarratives(Bundle bundle) {
    Bundle copy = bundle.copy();
    copy.getEntry()
        .forEach(
            entry -> {
              if (entry.getResource() instanceof DomainResource resource) {
                resource.setText(null);
              }
            });
    return copy;
  }

  private static java.util.List<String> narratives(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(DomainResource.class::isInstance)
        .map(DomainResource.class::cast)
        .map(resource -> resource.getText().getDivAsString())
        .map(div -> div == null ? "" : div.replaceAll("\\s+", " ").replace("> <", "><").trim())
        .toList();
  }

  @Test
  void detectsTheFormatFromTheFirstCharacterWhenTheContentTypeSaysNothing() {
    Bundle bundle =
        codec.parse(
            MedcomExamples.read("HospitalNotification_Ex_STIN_A.json"), "application/octet-stream");
    String xml = "\n  " + codec.write(bundle, MedcomFormat.XML);

    assertThat(codec.parse(xml, (String) null).equalsDeep(bundle)).isTrue();
  }

  @Test
  void refusesAnExternalEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET-MARKER");

    assertThatThrownBy(() -> codec.parse(externalEntityPayload(secret), "application/fhir+xml"))
        .isInstanceOf(MedcomParseException.class)
        .extracting(e -> ((MedcomParseException) e).kind())
        .isEqualTo(MedcomParseException.Kind.FORBIDDEN_DOCTYPE);
  }

  @Test
  void refusesBillionLaughs() {
    assertThatThrownBy(() -> codec.parse(billionLaughsPayload(), "application/fhir+xml"))
        .isInstanceOf(MedcomParseException.class)
        .hasMessageNotContaining("lol");
  }

  @Test
  void refusesADoctypeSmuggledIntoAJsonNarrative() {
    String json =
        "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"text\":{\"status\":\"generated\","
            + "\"div\":\"\\u003c!DOCTYPE div [\\u003c!ENTITY x SYSTEM 'file:///etc/passwd'>]><div xmlns='http://www.w3.org/1999/xhtml'>&x;</div>\"}}";

    assertThatThrownBy(() -> codec.parse(json, "application/fhir+json"))
        .isInstanceOf(MedcomParseException.class);
  }

  /**
   * Characterises HAPI 8.8.1's own XML parser (no pre-check): whatever it does with an external
   * entity, the file's content must not end up in the parsed resource. Documented in
   * docs/medcom-codec.md.
   */
  @Test
  void hapisOwnXmlParserDoesNotResolveExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET-MARKER");
    FhirContext context = FhirContext.forR4Cached();

    Throwable thrown =
        catchThrowable(
            () -> {
              Bundle parsed =
                  context.newXmlParser().parseResource(Bundle.class, externalEntityPayload(secret));
              assertThat(context.newJsonParser().encodeResourceToString(parsed))
                  .doesNotContain("SECRET-MARKER");
            });

    if (thrown instanceof AssertionError assertionError) {
      throw assertionError;
    }
    System.out.println(
        "HAPI XML parser on external entity: "
            + (thrown == null
                ? "parsed, entity not expanded"
                : "refused (" + thrown.getClass().getSimpleName() + ")"));
  }

  @Test
  void hapisOwnXmlParserSurvivesBillionLaughs() {
    FhirContext context = FhirContext.forR4Cached();
    Throwable thrown =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                catchThrowable(
                    () ->
                        context
                            .newXmlParser()
                            .parseResource(Bundle.class, billionLaughsPayload())));
    System.out.println(
        "HAPI XML parser on billion laughs: "
            + (thrown == null ? "parsed" : "refused (" + thrown.getClass().getSimpleName() + ")"));
  }

  @Test
  void parseErrorsNameThePositionButNeverTheInput() {
    String broken =
        MedcomExamples.read("HospitalNotification_Ex_STIN_A.json")
            .replaceFirst(
                "\"resourceType\"\\s*:\\s*\"Patient\"\\s*,", "\"resourceType\" : \"Patient\" ,,");

    Throwable thrown = catchThrowable(() -> codec.parse(broken, "application/fhir+json"));

    assertThat(thrown).isInstanceOf(MedcomParseException.class).hasMessageContaining("line");
    assertThat(thrown.getMessage()).doesNotContain(CPR_IN_EXAMPLES).doesNotContain("Elmer");
    assertThat(thrown.getCause()).isNull();
  }

  @Test
  void aNarrativeThatIsNotXhtmlIsNamedWithoutQuotingIt() {
    String example = MedcomExamples.read("HospitalNotification_Ex_STIN_A.json");
    int closing = example.indexOf("</div>", example.indexOf("\"div\""));
    String unclosed =
        example.substring(0, closing) + "<p>" + CPR_IN_EXAMPLES + example.substring(closing);
    String tooDeep =
        example.substring(0, closing)
            + "<b>".repeat(1_000)
            + CPR_IN_EXAMPLES
            + "</b>".repeat(1_000)
            + example.substring(closing);

    assertThatThrownBy(() -> codec.parse(unclosed, "application/fhir+json"))
        .isInstanceOf(MedcomParseException.class)
        .hasMessage("Malformed JSON: a narrative (text.div) is not well-formed XHTML");
    assertThatThrownBy(() -> codec.parse(tooDeep, "application/fhir+json"))
        .isInstanceOf(MedcomParseException.class)
        .hasMessage(
            "Malformed JSON: a narrative (text.div) nests its XHTML elements deeper than HAPI's"
                + " limit of 1,000");
  }

  @Test
  void anInvalidValueIsASyntaxErrorThatDoesNotQuoteTheValue() {
    String broken =
        MedcomExamples.read("HospitalNotification_Ex_STIN_A.json")
            .replaceFirst(
                "\"timestamp\"\\s*:\\s*\"[^\"]+\"",
                "\"timestamp\": \"" + CPR_IN_EXAMPLES + "-not-a-date\"");

    Throwable thrown = catchThrowable(() -> codec.parse(broken, "application/fhir+json"));

    assertThat(thrown).isInstanceOf(MedcomParseException.class);
    assertThat(thrown.getMessage()).doesNotContain(CPR_IN_EXAMPLES);
  }

  @Test
  void rejectsEmptyAndNonFhirBodies() {
    assertThatThrownBy(() -> codec.parse("  ", (String) null))
        .isInstanceOf(MedcomParseException.class);
    assertThatThrownBy(() -> codec.parse("hello " + CPR_IN_EXAMPLES, (String) null))
        .isInstanceOf(MedcomParseException.class)
        .hasMessageNotContaining(CPR_IN_EXAMPLES);
    assertThatThrownBy(() -> codec.parse("{\"resourceType\":\"Patient\"}", (String) null))
        .extracting(e -> ((MedcomParseException) e).kind())
        .isEqualTo(MedcomParseException.Kind.NOT_A_BUNDLE);
  }

  private static String externalEntityPayload(Path secret) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle [<!ENTITY xxe SYSTEM \""
        + secret.toUri()
        + "\">]>\n"
        + "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><type value=\"message\"/>"
        + "<entry><resource><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&xxe;\"/></name></Patient></resource></entry></Bundle>";
  }

  private static String billionLaughsPayload() {
    StringBuilder dtd =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i - 1).append(';');
      }
      dtd.append("\">\n");
    }
    return dtd
        + "]>\n<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"x\"/><type value=\"message\"/>"
        + "<entry><resource><Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"&lol9;\"/></name></Patient></resource></entry></Bundle>";
  }
}
