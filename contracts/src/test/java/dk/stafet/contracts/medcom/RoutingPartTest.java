package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a recipient needs to answer a letter, read without the letter's clinical content. */
class RoutingPartTest {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static List<Path> jsonExamples() {
    return MessageReenveloperTest.jsonExamples();
  }

  /** Every MedCom JSON example: the same routing, and the same acknowledgement built from it. */
  @ParameterizedTest
  @MethodSource("jsonExamples")
  void theRoutingPartAddressesAndAcknowledgesALetterAsTheWholeLetterDoes(Path example) {
    String text = MedcomExamples.read(example);
    MedcomMessage whole = CODEC.parseMessage(text, MedcomFormat.JSON.mimeType());

    MedcomMessage routing = CODEC.parseRoutingPart(text, MedcomFormat.JSON);

    assertThat(routing.messageType()).isEqualTo(whole.messageType());
    assertThat(routing.messageHeaderId()).isEqualTo(whole.messageHeaderId());
    assertThat(routing.sender()).isEqualTo(whole.sender());
    assertThat(routing.destinations()).isEqualTo(whole.destinations());
    assertThat(routing.sourceEndpoint()).isEqualTo(whole.sourceEndpoint());
    assertThat(routing.provenances()).isEqualTo(whole.provenances());
    // notification-service repeats the previous notification's Provenances as they were read
    assertThat(provenancesAsWritten(routing)).isEqualTo(provenancesAsWritten(whole));
    assertThat(routing.bundle().getEntry())
        .allSatisfy(
            entry ->
                assertThat(entry.getResource().fhirType())
                    .isIn("MessageHeader", "Organization", "Provenance"));
    if (whole.messageType() != MessageType.ACKNOWLEDGEMENT) {
      assertThat(acknowledgementOf(routing)).isEqualTo(acknowledgementOf(whole));
    }
  }

  @Test
  void xmlIsReadWhole() {
    String xml =
        CODEC.write(
            CODEC.parse(
                MedcomExamples.read("HospitalNotification_Ex_SLOR_G.json"), MedcomFormat.JSON),
            MedcomFormat.XML);

    MedcomMessage routing = CODEC.parseRoutingPart(xml, MedcomFormat.XML);

    assertThat(routing.patient()).isPresent();
  }

  @Test
  void malformedTextIsAParseFailureNamingNothingOfIt() {
    assertThatThrownBy(() -> CODEC.parseRoutingPart("{\"resourceType\": 1707", MedcomFormat.JSON))
        .isInstanceOf(MedcomParseException.class)
        .hasMessage("Malformed JSON");
  }

  private static List<String> provenancesAsWritten(MedcomMessage message) {
    return message.bundle().getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Provenance.class::isInstance)
        .map(provenance -> CODEC.fhirContext().newJsonParser().encodeResourceToString(provenance))
        .toList();
  }

  /** As the recipient simulator builds it; random ids made comparable. */
  private static String acknowledgementOf(MedcomMessage message) {
    var destination = message.messageHeader().orElseThrow().getDestinationFirstRep();
    Organization addressee =
        (Organization) message.resolve(destination.getReceiver()).orElseThrow();
    Bundle ack =
        new AcknowledgementBuilder(
                addressee, destination.getEndpoint(), "https://simulator.stafet.dk/fhir/", CLOCK)
            .build(message, ResponseType.OK, List.of());
    return UUID.matcher(CODEC.write(ack, MedcomFormat.JSON)).replaceAll("<uuid>");
  }
}
