package dk.stafet.contracts.medcom;

import static dk.stafet.contracts.medcom.MessageEnvelope.narrative;
import static dk.stafet.contracts.medcom.MessageEnvelope.newId;
import static dk.stafet.contracts.medcom.MessageEnvelope.profile;
import static dk.stafet.contracts.medcom.MessageEnvelope.reference;

import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds MedCom Acknowledgement 2.0.3 Bundles (medcom-spec.md §1, §4), shaped like MedCom's
 * published examples: MessageHeader, the original's latest Provenance, our own Provenance, both
 * Organizations and, when there is something to say, an OperationOutcome.
 */
public final class AcknowledgementBuilder {

  private final Organization ourOrganisation;
  private final String ourEndpoint;
  private final MessageEnvelope envelope;
  private final Clock clock;

  /**
   * @param ourOrganisation the receiving organisation that acknowledges, with SOR and GLN
   *     identifiers
   * @param ourEndpoint our MessageHeader.source.endpoint, e.g. {@code
   *     https://sor2.sum.dsdn.dk/#id=<SOR>}
   * @param fullUrlBase absolute base for entry fullUrls, ending in '/' (fullUrl = base + Type/id)
   */
  public AcknowledgementBuilder(
      Organization ourOrganisation, String ourEndpoint, String fullUrlBase, Clock clock) {
    this.ourOrganisation = Objects.requireNonNull(ourOrganisation, "ourOrganisation");
    this.ourEndpoint = Objects.requireNonNull(ourEndpoint, "ourEndpoint");
    this.envelope = new MessageEnvelope(fullUrlBase, clock);
    this.clock = clock;
  }

  /**
   * @param issues what goes into the OperationOutcome; required unless {@code code} is OK
   *     (medcom-acknowledgement-1), allowed with OK (e.g. information about a duplicate)
   */
  public Bundle build(MedcomMessage original, ResponseType code, List<MedcomIssue> issues) {
    if (code != ResponseType.OK && issues.isEmpty()) {
      throw new IllegalArgumentException("A negative acknowledgement needs at least one issue");
    }
    Organization originalSender =
        original
            .messageHeader()
            .flatMap(header -> original.resolve(header.getSender()))
            .filter(Organization.class::isInstance)
            .map(Organization.class::cast)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The original message names no sender Organization"));
    String originalHeaderId =
        Objects.requireNonNull(original.messageHeaderId(), "original MessageHeader.id");

    Organization us = profile(ourOrganisation.copy(), MedcomSystems.PROFILE_MESSAGING_ORGANIZATION);
    if (!us.hasIdElement() || us.getIdElement().getIdPart() == null) {
      us.setId(newId());
    }
    // Copied with its id, so the agent of the original's Provenance still resolves in the ack.
    Organization receiver =
        profile(originalSender.copy(), MedcomSystems.PROFILE_MESSAGING_ORGANIZATION);

    MessageHeader header =
        MessageEnvelope.header(
            newId(),
            MedcomSystems.PROFILE_ACK_HEADER,
            MedcomSystems.EVENT_ACKNOWLEDGEMENT,
            us,
            ourEndpoint,
            receiver,
            original.sourceEndpoint());
    header.getResponse().setIdentifier(originalHeaderId).setCode(code);
    // The original's id is quoted as it came, and a message that is being rejected may carry any
    // characters there.
    header.setText(
        narrative("Acknowledgement (" + code.toCode() + ") of message " + originalHeaderId));

    Bundle bundle = envelope.bundle(MedcomSystems.PROFILE_ACK_MESSAGE, header);
    latestOriginalProvenance(original).ifPresent(provenance -> envelope.add(bundle, provenance));
    envelope.add(bundle, ownProvenance(header, us, originalHeaderId));
    envelope.add(bundle, us);
    envelope.add(bundle, receiver);
    if (!issues.isEmpty()) {
      OperationOutcome outcome = OperationOutcomes.of(issues);
      profile(outcome, MedcomSystems.PROFILE_ACK_OPERATION_OUTCOME);
      header.getResponse().setDetails(reference(outcome));
      envelope.add(bundle, outcome);
    }
    return bundle;
  }

  /**
   * The ack for a duplicate (spec §5): the same content and MessageHeader.id as the first ack, in a
   * new envelope: new Bundle.id and Bundle.timestamp, and new send times on the ack's own
   * Provenance.
   */
  public Bundle reissue(Bundle previousAck) {
    return MessageReenveloper.reEnvelope(previousAck, clock);
  }

  private java.util.Optional<Provenance> latestOriginalProvenance(MedcomMessage original) {
    return original
        .currentProvenance()
        .map(ProvenanceView::resourceId)
        .flatMap(
            id ->
                original.bundle().getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Provenance.class::isInstance)
                    .map(Provenance.class::cast)
                    .filter(p -> id != null && id.equals(p.getIdElement().getIdPart()))
                    .findFirst())
        .map(Provenance::copy);
  }

  private Provenance ownProvenance(MessageHeader header, Organization us, String originalHeaderId) {
    Provenance provenance =
        envelope.provenance(
            MedcomSystems.PROFILE_MESSAGING_PROVENANCE,
            header.getIdElement().getIdPart(),
            MedcomSystems.ACTIVITY_ACKNOWLEDGEMENT,
            us);
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.REVISION)
        .setWhat(new Reference("MessageHeader/" + originalHeaderId));
    return provenance;
  }
}
