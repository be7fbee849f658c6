package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.contracts.medcom.MedcomIssue.Severity;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class AcknowledgementBuilderTest {

  private final MedcomCodec codec = new MedcomCodec();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);
  private final AcknowledgementBuilder builder =
      new AcknowledgementBuilder(
          ourOrganisation(),
          "https://sor2.sum.dsdn.dk/#id=953741000016009",
          "https://stafet.example/fhir/",
          clock);

  private MedcomMessage stinA() {
    return codec.parseMessage(MedcomExamples.read("HospitalNotification_Ex_STIN_A.json"), null);
  }

  @Test
  void aNegativeAckValidatesAgainstProfileSetAAndHasThePublishedShape() {
    List<MedcomIssue> issues =
        List.of(
            MedcomIssue.medcom(
                Severity.ERROR,
                "code-invalid",
                "MSG_VALUESET_VALUE_UNKNOWN",
                "Bundle.entry[2].resource.ofType(Encounter).class",
                "Encounter.class is missing"),
            MedcomIssue.hl7(
                Severity.ERROR,
                "structure",
                "MSG_BAD_SYNTAX",
                "Bundle.entry[0].resource.ofType(MessageHeader).eventCoding",
                "eventCoding is missing"));

    Bundle ack = builder.build(stinA(), ResponseType.FATALERROR, issues);

    assertThat(SharedValidator.get().validate(ack)).filteredOn(MedcomIssue::isError).isEmpty();
    assertSameShapeAsPublishedExample(ack, "Bundle-bc9535ef-ed94-4060-a928-7baddec7ee71.json");
    MedcomMessage view = new MedcomMessage(ack);
    assertThat(view.acknowledgementResponse())
        .hasValueSatisfying(
            response -> {
              assertThat(response.identifier()).isEqualTo(stinA().messageHeaderId());
              assertThat(response.code()).isEqualTo("fatal-error");
              assertThat(response.issues())
                  .hasSize(2)
                  .first()
                  .satisfies(
                      issue -> {
                        assertThat(issue.path())
                            .isEqualTo("Bundle.entry[2].resource.ofType(Encounter).class");
                        assertThat(issue.detailsSystem()).isEqualTo(MedcomSystems.ACK_ERROR_CODES);
                      });
            });
  }

  @Test
  void aPositiveAckGoesBackToTheOriginalSenderAndCarriesTwoProvenances() {
    MedcomMessage original = stinA();

    Bundle ack = builder.build(original, ResponseType.OK, List.of());

    assertThat(SharedValidator.get().validate(ack)).filteredOn(MedcomIssue::isError).isEmpty();
    MedcomMessage view = new MedcomMessage(ack);
    assertThat(view.messageType()).isEqualTo(MessageType.ACKNOWLEDGEMENT);
    assertThat(view.bundleId()).isNotEqualTo(original.bundleId());
    assertThat(view.messageHeaderId()).isNotEqualTo(original.messageHeaderId());
    assertThat(view.primaryReceiver().orElseThrow().endpoint())
        .isEqualTo(original.sourceEndpoint());
    assertThat(view.primaryReceiver().orElseThrow().receiver().sor())
        .isEqualTo(original.sender().orElseThrow().sor());
    assertThat(view.sender().orElseThrow().sor()).isEqualTo("953741000016009");
    assertThat(view.provenances())
        .extracting(ProvenanceView::activityCode)
        .containsExactly("admit-inpatient", "acknowledgement");
    assertThat(view.currentProvenance().orElseThrow().entities())
        .singleElement()
        .satisfies(
            entity -> {
              assertThat(entity.role()).isEqualTo("revision");
              assertThat(entity.reference())
                  .isEqualTo("MessageHeader/" + original.messageHeaderId());
            });
    assertThat(view.messageHeader().orElseThrow().getText().getDivAsString())
        .contains(original.messageHeaderId());
    assertThat(view.acknowledgementResponse().orElseThrow().issues()).isEmpty();
    assertThat(ack.getEntry())
        .noneMatch(e -> e.getResource().fhirType().equals("OperationOutcome"));
  }

  /**
   * The acknowledgement of a CareCommunication carries its Provenance, which names the text segment
   * by identifier alone (a logical reference). HAPI's validator mends ref-1 so that such a
   * reference passes; the fast path reads it the same way. Before, it deferred every such
   * acknowledgement to HAPI (the chaos run: 1,702 of 2,400 acknowledgements).
   */
  @Test
  void theFastPathAcceptsTheLogicalSegmentReferenceOfAnAcknowledgedCareCommunicationAsHapiDoes() {
    Bundle careCommunication =
        new CareCommunicationBuilder("https://hospital.example/fhir/", clock)
            .build(CareCommunicationBuilderTest.communication("regarding-referral", null));
    String ack =
        codec.write(
            builder.build(new MedcomMessage(careCommunication), ResponseType.OK, List.of()),
            MedcomFormat.JSON);
    MedcomValidator validator = SharedValidator.get();

    assertThat(validator.validateWithHapi(ack, MedcomFormat.JSON))
        .filteredOn(MedcomIssue::isError)
        .isEmpty();
    assertThat(validator.fastPathVerdict(MessageType.ACKNOWLEDGEMENT, ack, MedcomFormat.JSON))
        .isEqualTo(new FastPathValidator.Verdict(true, null));
    String localReferenceWithoutContained =
        ack.replaceFirst("\"what\":\\{", "\"what\":{\"reference\":\"#segment\",");
    assertThat(localReferenceWithoutContained).isNotEqualTo(ack);
    assertThat(
            validator
                .fastPathVerdict(
                    MessageType.ACKNOWLEDGEMENT, localReferenceWithoutContained, MedcomFormat.JSON)
                .accepted())
        .isFalse();
  }

  @Test
  void aDuplicateGetsTheSameAckInANewEnvelope() {
    Bundle first = builder.build(stinA(), ResponseType.OK, List.of());
    AcknowledgementBuilder later =
        new AcknowledgementBuilder(
            ourOrganisation(),
            "https://sor2.sum.dsdn.dk/#id=953741000016009",
            "https://stafet.example/fhir/",
            Clock.offset(clock, java.time.Duration.ofMinutes(40)));

    Bundle again = later.reissue(first);

    MedcomMessage firstView = new MedcomMessage(first);
    MedcomMessage againView = new MedcomMessage(again);
    assertThat(againView.bundleId()).isNotEqualTo(firstView.bundleId());
    assertThat(againView.bundleTimestamp()).isAfter(firstView.bundleTimestamp());
    assertThat(againView.messageHeaderId()).isEqualTo(firstView.messageHeaderId());
    assertThat(againView.acknowledgementResponse()).isEqualTo(firstView.acknowledgementResponse());
    assertThat(againView.currentProvenance().orElseThrow().recorded())
        .isAfter(firstView.currentProvenance().orElseThrow().recorded());
    assertThat(againView.provenances().get(0)).isEqualTo(firstView.provenances().get(0));
  }

  @Test
  void anOriginalHeaderIdIsEscapedInTheNarrative() {
    Bundle original =
        codec.parse(MedcomExamples.read("HospitalNotification_Ex_STIN_A.json"), MedcomFormat.JSON);
    original.getEntry().get(0).getResource().setId("a&b<c>");
    List<MedcomIssue> issues =
        List.of(
            MedcomIssue.hl7(
                Severity.ERROR,
                "structure",
                "MSG_BAD_SYNTAX",
                "Bundle.entry[0].resource.ofType(MessageHeader).id",
                "MessageHeader.id is not a valid id"));

    Bundle ack = builder.build(new MedcomMessage(original), ResponseType.FATALERROR, issues);

    MedcomMessage view = new MedcomMessage(ack);
    assertThat(view.messageHeader().orElseThrow().getText().getDivAsString())
        .contains("a&amp;b&lt;c&gt;");
    assertThat(view.acknowledgementResponse().orElseThrow().identifier()).isEqualTo("a&b<c>");
  }

  @Test
  void aNegativeAckNeedsAnIssue() {
    assertThatThrownBy(() -> builder.build(stinA(), ResponseType.TRANSIENTERROR, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertSameShapeAsPublishedExample(Bundle ack, String exampleFile) {
    Bundle published = codec.parse(MedcomExamples.read(exampleFile), (String) null);
    assertThat(profilesByType(ack)).containsExactlyInAnyOrderElementsOf(profilesByType(published));
    assertThat(ack.getMeta().getProfile().get(0).getValue())
        .isEqualTo(published.getMeta().getProfile().get(0).getValue());
    MedcomMessage ours = new MedcomMessage(ack);
    MedcomMessage theirs = new MedcomMessage(published);
    assertThat(ours.messageHeader().orElseThrow().getEventCoding().getCode())
        .isEqualTo(theirs.messageHeader().orElseThrow().getEventCoding().getCode());
    assertThat(ours.messageHeader().orElseThrow().getEventCoding().getSystem())
        .isEqualTo(theirs.messageHeader().orElseThrow().getEventCoding().getSystem());
    assertThat(ours.provenances()).hasSameSizeAs(theirs.provenances()).hasSize(2);
    assertThat(ours.currentProvenance().orElseThrow().activityCode()).isEqualTo("acknowledgement");
  }

  private static List<String> profilesByType(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .map(r -> r.fhirType() + " " + profileOf(r))
        .distinct()
        .toList();
  }

  private static String profileOf(Resource resource) {
    return resource.getMeta().getProfile().isEmpty()
        ? "-"
        : resource.getMeta().getProfile().get(0).getValue();
  }

  private static Organization ourOrganisation() {
    Organization organisation = new Organization();
    organisation.addIdentifier().setSystem(MedcomSystems.SOR).setValue("953741000016009");
    organisation.addIdentifier().setSystem(MedcomSystems.GLN).setValue("5790001348120");
    organisation.setName("Plejecenter Herlev");
    return organisation;
  }
}
