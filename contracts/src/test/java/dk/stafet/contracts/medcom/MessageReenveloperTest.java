package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageReenveloperTest {

  @Test
  void aRetransmissionIsTheSameLetterInANewEnvelope() {
    MedcomCodec codec = new MedcomCodec();
    Bundle original =
        codec.parse(MedcomExamples.read("HospitalNotification_Ex_SLOR_G.json"), (String) null);
    Clock later = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    Bundle resent = MessageReenveloper.reEnvelope(original, later);

    MedcomMessage before = new MedcomMessage(original);
    MedcomMessage after = new MedcomMessage(resent);
    assertThat(after.bundleId()).isNotEqualTo(before.bundleId());
    assertThat(after.bundleTimestamp()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    assertThat(after.messageHeaderId()).isEqualTo(before.messageHeaderId());
    assertThat(after.provenances()).hasSize(3);
    assertThat(after.provenances().subList(0, 2)).isEqualTo(before.provenances().subList(0, 2));
    assertThat(after.currentProvenance().orElseThrow().recorded())
        .isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    assertThat(after.currentProvenance().orElseThrow().occurred())
        .isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
    assertThat(
            resent
                .getEntry()
                .get(1)
                .getResource()
                .equalsDeep(original.getEntry().get(1).getResource()))
        .isTrue();
    assertThat(new MedcomMessage(original).bundleId()).isEqualTo(before.bundleId());
  }

  static List<Path> jsonExamples() {
    return MedcomExamples.allExampleFiles().stream()
        .filter(file -> file.toString().endsWith(".json"))
        .toList();
  }

  /** The hub's forwarding: every MedCom JSON example, read back, is the same letter. */
  @ParameterizedTest
  @MethodSource("jsonExamples")
  void aForwardedLetterDiffersFromTheOriginalOnlyInItsBundleId(Path example) throws Exception {
    String original = MedcomExamples.read(example);

    String forwarded = MessageReenveloper.withBundleId(original, "new-envelope-1");

    ObjectMapper json = new ObjectMapper();
    ObjectNode expected = (ObjectNode) json.readTree(original);
    expected.put("id", "new-envelope-1");
    assertThat(json.readTree(forwarded)).isEqualTo(expected);
    MedcomCodec codec = new MedcomCodec();
    Bundle viaHapi = codec.parse(original, (String) null);
    viaHapi.setId("new-envelope-1");
    assertThat(codec.write(codec.parse(forwarded, (String) null), MedcomFormat.JSON))
        .isEqualTo(codec.write(viaHapi, MedcomFormat.JSON));
  }

  @Test
  void numbersKeepTheirWrittenPrecisionAndTheIdFollowsTheResourceType() {
    String forwarded =
        MessageReenveloper.withBundleId(
            "{\"type\":\"message\",\"resourceType\":\"Bundle\",\"id\":\"old\","
                + "\"entry\":[{\"resource\":{\"id\":\"keep\",\"valueDecimal\":1.50,"
                + "\"n\":12345678901234567890,\"e\":1.0E+2,\"ok\":true,\"none\":null}}]}",
            "new");

    assertThat(forwarded)
        .isEqualTo(
            "{\"type\":\"message\",\"resourceType\":\"Bundle\",\"id\":\"new\","
                + "\"entry\":[{\"resource\":{\"id\":\"keep\",\"valueDecimal\":1.50,"
                + "\"n\":12345678901234567890,\"e\":1.0E+2,\"ok\":true,\"none\":null}}]}");
  }

  @Test
  void onlyABundleIsReEnveloped() {
    assertThatThrownBy(() -> MessageReenveloper.withBundleId("{\"resourceType\":\"Patient\"}", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageReenveloper.withBundleId("[1]", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageReenveloper.withBundleId("{\"resourceType\":", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
