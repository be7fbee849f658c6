package dk.stafet.contracts.medcom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
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

  private static final JsonFactory JSON = new JsonFactory();

  private MessageReenveloper() {}

  /**
   * The same JSON Bundle with another Bundle.id and nothing else changed: what the hub forwards
   * (the letter untouched, in an envelope of its own). A streaming copy of the text, token by
   * token, numbers as written (a FHIR decimal keeps its precision), instead of parsing the FHIR
   * model and writing it again, which cost notification-service more CPU per forwarded letter than
   * anything else it does for it (docs/performance.md, "Forwarding without the FHIR model").
   * Whitespace and string escapes may differ; the JSON is the same.
   *
   * @throws IllegalArgumentException the text is not a JSON object of resourceType Bundle
   */
  public static String withBundleId(String json, String bundleId) {
    StringWriter out = new StringWriter(json.length() + 64);
    try (JsonParser in = JSON.createParser(json);
        JsonGenerator gen = JSON.createGenerator(out)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      gen.writeStartObject();
      boolean bundle = false;
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        if ("id".equals(name)) {
          in.skipChildren(); // written after resourceType, as FHIR's own writers do
          continue;
        }
        gen.writeFieldName(name);
        copyValue(in, gen);
        if ("resourceType".equals(name)) {
          bundle = value == JsonToken.VALUE_STRING && "Bundle".equals(in.getText());
          gen.writeStringField("id", bundleId);
        }
      }
      if (!bundle) {
        throw new IllegalArgumentException("not a Bundle");
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable JSON: " + e.getClass().getSimpleName());
    }
    return out.toString();
  }

  /** Copies the value the parser is on, with every number exactly as written. */
  private static void copyValue(JsonParser in, JsonGenerator gen) throws IOException {
    int depth = 0;
    do {
      JsonToken token = in.currentToken();
      switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getText());
        default -> gen.copyCurrentEvent(in);
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    } while (depth > 0 && in.nextToken() != null);
  }

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
