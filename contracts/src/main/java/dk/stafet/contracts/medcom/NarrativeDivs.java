package dk.stafet.contracts.medcom;

import ca.uhn.fhir.model.primitive.XhtmlDt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlDocument;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.hl7.fhir.utilities.xhtml.XhtmlNodeList;
import org.hl7.fhir.utilities.xhtml.XhtmlParser;

/**
 * The narratives of a message's entries, parsed with one XHTML parser per thread. HAPI's parser
 * gives every narrative's {@code div} to {@code XhtmlNode.setValueAsString}, which builds a new
 * {@code XhtmlParser}, and that constructor fills a table of some 2,000 entity names: two thirds of
 * HAPI's parse of a MedCom letter and 9 % of the front door's CPU (JFR, session 18). So the codec
 * takes each entry resource's {@code text.div} out of the message's tree before HAPI parses it, and
 * sets the div into the model afterwards as {@code setValueAsString} does, with the thread's
 * parser. What is not plainly a narrative of an entry (anything but a string that is one whole
 * {@code div} element, a div with extensions, a narrative that is nothing but its div, contained
 * resources') is left where it is for HAPI; and when the model does not line up with the tree, the
 * codec parses the message again with every div back in place. {@code NarrativeDivsTest} holds the
 * model equal to HAPI's own parse over every MedCom example and 1,725 mutants of them.
 */
final class NarrativeDivs {

  /**
   * One parser per thread (it is not thread-safe), a few hundred KB each, on the services' platform
   * threads (none of them runs on virtual threads). A parse reads a fresh reader; what else it
   * keeps between parses is answered where it is used: only whole divs ({@link #plainDiv}), its
   * list of findings emptied, a parser that failed dropped. The positions it records in nodes run
   * on from parse to parse; nothing reads them.
   */
  private static final ThreadLocal<XhtmlParser> PARSER = ThreadLocal.withInitial(XhtmlParser::new);

  /** One div taken out: the entry it belongs to, its resource's type, its narrative's object. */
  record Taken(int entry, String resourceType, ObjectNode narrative, JsonNode div) {}

  private NarrativeDivs() {}

  /** Takes the entries' narrative divs out of a message's tree; {@link #putBack} restores them. */
  static List<Taken> takeOut(ObjectNode message) {
    if (!(message.get("entry") instanceof ArrayNode entries)) {
      return List.of();
    }
    List<Taken> taken = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof ObjectNode entry)) {
        return putBack(taken); // the model's entries would not line up with the tree's
      }
      if (entry.get("resource") instanceof ObjectNode resource
          && resource.get("resourceType") != null
          && resource.get("resourceType").isTextual()
          && resource.get("text") instanceof ObjectNode narrative
          && narrative.size() > 1
          && !narrative.has("_div")
          && narrative.get("div") != null
          && narrative.get("div").isTextual()
          && plainDiv(narrative.get("div").asText())) {
        taken.add(
            new Taken(
                i, resource.get("resourceType").asText(), narrative, narrative.remove("div")));
      }
    }
    return taken;
  }

  /**
   * A div that is one element from its first character to its last: the reused parser then reads it
   * to its end, and nothing of it is left over for the next one.
   */
  private static boolean plainDiv(String value) {
    String trimmed = value.trim();
    return trimmed.startsWith("<div") && trimmed.endsWith("</div>");
  }

  /** Puts every taken div back where it was, so the tree is the text's again; returns none. */
  static List<Taken> putBack(List<Taken> taken) {
    for (Taken div : taken) {
      div.narrative().set("div", div.div());
    }
    return List.of();
  }

  /**
   * Sets each taken div into HAPI's model of the message. False, with the model partly set, when
   * the model does not line up with the tree (another number of entries, another resource type, no
   * narrative, a div already there) or a div does not parse: the caller then parses the message
   * again as HAPI does.
   */
  static boolean setInto(Bundle bundle, int entriesInTree, List<Taken> taken) {
    if (bundle.getEntry().size() != entriesInTree) {
      return false;
    }
    try {
      for (Taken div : taken) {
        Resource resource = bundle.getEntry().get(div.entry()).getResource();
        if (!(resource instanceof DomainResource domain)
            || !resource.fhirType().equals(div.resourceType())
            || !domain.hasText()
            || !domain.getText().getDiv().isEmpty()) {
          return false;
        }
        domain.getText().setDiv(parse(div.div().asText()));
      }
      return true;
    } catch (Exception e) {
      return false; // HAPI's own parse says what is wrong with it
    }
  }

  /**
   * The div HAPI's parser makes of a narrative's string: the string as HAPI's XHTML datatype holds
   * it, trimmed, its namespace declaration made explicit, parsed as a fragment whose first element
   * (after a processing instruction, if any) becomes the div. Only for whole divs ({@link
   * #plainDiv}).
   */
  static XhtmlNode parse(String value) throws Exception {
    XhtmlDt asHeld = new XhtmlDt();
    asHeld.setValueAsString(value);
    String xhtml = XhtmlDt.preprocessXhtmlNamespaceDeclaration(asHeld.getValueAsString().trim());
    XhtmlParser parser = PARSER.get();
    XhtmlDocument fragment;
    try {
      fragment = parser.parse(xhtml, "div");
    } catch (Exception e) {
      PARSER.remove(); // whatever a failed parse left in it stays out of the next one
      throw e;
    } finally {
      parser.getValidationIssues().clear(); // it collects them across parses, for no one here
    }
    XhtmlNodeList nodes = fragment.getChildNodes();
    boolean instructionFirst =
        !nodes.isEmpty()
            && nodes.get(0) != null
            && nodes.get(0).getNodeType() == NodeType.Instruction;
    XhtmlNode root = nodes.get(instructionFirst ? 1 : 0);
    XhtmlNode div = new XhtmlNode();
    div.setNodeType(root.getNodeType());
    div.setName(root.getName());
    div.setContent(root.getContent());
    if (root.hasAttributes()) {
      div.getAttributes().putAll(root.getAttributes());
    }
    if (root.hasChildren()) {
      div.getChildNodes().addAll(root.getChildNodes());
    }
    return div;
  }
}
