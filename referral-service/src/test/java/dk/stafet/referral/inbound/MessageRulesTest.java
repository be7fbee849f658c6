package dk.stafet.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomIssue;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The business-rule layer without Quarkus, on MedCom's STIN example and variants of it. */
class MessageRulesTest {

  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final String HUB_SOR = "999999000016001";
  private static final String HUB_GLN = "5790000000005";
  private final MessageRules rules =
      new MessageRules(
          OrganisationRegistry.standard(),
          Set.of(HUB_SOR, HUB_GLN),
          Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void medcomsExampleBreaksNoRuleAndGetsOnlyTheModulus11Warning() {
    List<MedcomIssue> issues = rules.check(example(), null);

    assertThat(issues).noneMatch(MedcomIssue::isError);
    assertThat(issues)
        .singleElement()
        .extracting(MedcomIssue::diagnostics)
        .asString()
        .contains("modulus-11");
  }

  @Test
  void stafetItselfIsAKnownReceiverThoughNoHealthOrganisation() {
    MedcomMessage message = example();
    receiver(message)
        .getIdentifier()
        .forEach(
            identifier ->
                identifier.setValue(identifier.getSystem().contains("gs1") ? HUB_GLN : HUB_SOR));

    assertThat(rules.check(message, null)).noneMatch(MedcomIssue::isError);
  }

  @Test
  void anUnknownReceiverIsNamedWithMedcomsCode() {
    MedcomMessage message = example();
    receiver(message)
        .getIdentifier()
        .forEach(
            identifier ->
                identifier.setValue(
                    identifier.getSystem().contains("gs1") ? "5790000000012" : "111111000016000"));

    assertThat(rules.check(message, null))
        .filteredOn(MedcomIssue::isError)
        .singleElement()
        .extracting(MedcomIssue::detailsCode)
        .isEqualTo("MSG_Receiver_Identifier_UNKNOWN");
  }

  @Test
  void theSenderMustBeTheAuthenticatedOrganisation() {
    assertThat(rules.check(example(), "265161000016000")).noneMatch(MedcomIssue::isError);
    assertThat(rules.check(example(), "5790000209354")).noneMatch(MedcomIssue::isError);
    assertThat(rules.check(example(), "953741000016009"))
        .filteredOn(MedcomIssue::isError)
        .singleElement()
        .extracting(MedcomIssue::issueType)
        .isEqualTo("security");
  }

  @Test
  void aCprNumberWithAHyphenIsRefusedWithoutRepeatingIt() {
    MedcomMessage message = example();
    Identifier cpr =
        ((Patient)
                message.bundle().getEntry().stream()
                    .map(e -> e.getResource())
                    .filter(Patient.class::isInstance)
                    .findFirst()
                    .orElseThrow())
            .getIdentifierFirstRep();
    cpr.setValue("250947-9989");

    assertThat(rules.check(message, null))
        .filteredOn(MedcomIssue::isError)
        .singleElement()
        .satisfies(
            issue ->
                assertThat(issue.diagnostics()).contains("10 digits").doesNotContain("250947"));
  }

  private static MedcomMessage example() {
    return new MedcomMessage(
        CODEC.parse(
            MedcomExamples.read(MedcomExamples.hospitalNotification("STIN_A")),
            "application/fhir+json"));
  }

  private static Organization receiver(MedcomMessage message) {
    return (Organization)
        message
            .resolve(message.messageHeader().orElseThrow().getDestinationFirstRep().getReceiver())
            .orElseThrow();
  }
}
