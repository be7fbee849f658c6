package dk.stafet.contracts.medcom;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a model Stafet built is what its JSON says, as far as the fast path's walk can tell: the
 * walk reads the model, HAPI's validator the text the codec writes from it. The writer leaves empty
 * elements out, writes a resource's id without its type or version, and keeps strings verbatim.
 * Refused here, so that the message goes to HAPI on its text: an empty element anywhere (HAPI's
 * getters create them, and the walk would see one the text does not have: an emptied required
 * reference counts as present), a string that is empty or starts or ends with whitespace (HAPI's
 * validator reports those in the text, as the parsed way in refuses them), a resource id with more
 * than its id part, a reference to a resource object without an id or with a version in its text
 * (the writer then names the reference itself; HAPI's parser links a Bundle's references to their
 * resources, so a Provenance read back from an earlier message holds such objects, with the text's
 * id).
 */
final class AsWritten {

  private AsWritten() {}

  /** The first difference between the model and its written JSON, or null if there is none. */
  static String difference(Base value) {
    if (value instanceof Resource resource
        && resource.hasIdElement()
        && !resource.getIdElement().getValue().equals(resource.getIdElement().getIdPart())) {
      return "a resource id with more than its id part";
    }
    if (value instanceof Reference reference
        && reference.getResource() != null
        && (!reference.getReferenceElement().hasIdPart()
            || reference.getReferenceElement().hasVersionIdPart())) {
      return "a reference to a resource object the writer names";
    }
    for (Property property : value.children()) {
      if (!property.hasValues() || property.getName().equals("div") && value instanceof Narrative) {
        continue; // nothing to write or walk; a narrative's XHTML the walk checks itself
      }
      for (Base item : property.getValues()) {
        if (item == null || item.isEmpty()) {
          return "an empty " + property.getName();
        }
        String difference =
            item instanceof PrimitiveType<?> primitive ? verbatim(primitive) : difference(item);
        if (difference != null) {
          return difference;
        }
      }
    }
    return null;
  }

  private static String verbatim(PrimitiveType<?> primitive) {
    String text = primitive.getValueAsString();
    if (text != null
        && (text.isEmpty()
            || Character.isWhitespace(text.charAt(0))
            || Character.isWhitespace(text.charAt(text.length() - 1)))) {
      return "an empty string or one with surrounding whitespace";
    }
    return primitive.hasExtension() ? difference(primitive) : null;
  }
}
