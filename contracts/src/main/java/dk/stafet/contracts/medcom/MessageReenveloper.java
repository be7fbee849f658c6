package dk.stafet.contracts.medcom;

import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * A retransmission is the same letter in a new envelope (spec §5): same MessageHeader.id and
 * content, including the earlier Provenance chain; a new Bundle.id and Bundle.timestamp; new send
 * times (occurredDateTime, recorded) on the Provenance describing this message (GOV-040 MR7). Also
 * used to re-issue an acknowledgement for a duplicate.
 */
public final class MessageReenveloper {

  private MessageReenveloper() {}

  /** Returns a re-enveloped copy; the given Bundle is not changed. */
  public static Bundle reEnvelope(Bundle original, Clock clock) {
    Bundle copy = original.copy();
    copy.setId(UUID.randomUUID().toString());
    copy.setTimestampElement(FhirTimes.instantNow(clock));
    String currentHeader =
        copy.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(MessageHeader.class::isInstance)
            .findFirst()
            .map(header -> "MessageHeader/" + header.getIdElement().getIdPart())
            .orElseThrow(() -> new IllegalArgumentException("Not a message: no MessageHeader"));
    copy.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Provenance.class::isInstance)
        .map(Provenance.class::cast)
        .filter(
            provenance ->
                provenance.getTarget().stream()
                    .map(Reference::getReference)
                    .anyMatch(currentHeader::equals))
        .forEach(
            provenance -> {
              provenance.setOccurred(FhirTimes.dateTimeNow(clock));
              provenance.setRecordedElement(FhirTimes.instantNow(clock));
            });
    return copy;
  }
}
