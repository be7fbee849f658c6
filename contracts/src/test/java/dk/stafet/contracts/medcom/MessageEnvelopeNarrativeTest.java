package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;

/** The generated narrative, built as nodes, is the XHTML the parsed string form gave. */
class MessageEnvelopeNarrativeTest {

  private static final MedcomCodec CODEC = new MedcomCodec();

  /** Any text XML can carry (names, ids, the letters' own words); control characters it cannot. */
  @Property(tries = 300)
  void aNarrativeBuiltAsNodesIsWrittenAsTheParsedStringWas(
      @ForAll @CharRange(from = ' ', to = '\uD7FF') @StringLength(max = 60) String text) {
    Narrative parsed = new Narrative();
    parsed.setDivAsString(
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
            + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</p></div>");

    Narrative built = MessageEnvelope.narrative(text);

    assertThat(built.getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
    assertThat(written(built)).isEqualTo(written(parsed.setStatus(built.getStatus())));
  }

  private static String written(Narrative narrative) {
    Patient carrier = new Patient();
    carrier.setText(narrative);
    return CODEC.fhirContext().newJsonParser().encodeResourceToString(carrier)
        + CODEC.fhirContext().newXmlParser().encodeResourceToString(carrier);
  }
}
