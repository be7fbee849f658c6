package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

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
}
