package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Reads and writes MedCom message Bundles (JSON or XML). Thread-safe; parsers are created per call
 * because HAPI parsers are cheap and not meant to be shared, while the {@link FhirContext} is.
 *
 * <p>Hostile XML: any DOCTYPE or ENTITY declaration is refused before HAPI sees the text, in XML
 * bodies and in JSON bodies alike (the JSON narrative {@code div} is XHTML that HAPI parses with
 * its XML parser). FHIR never needs a DTD, so nothing legitimate is lost.
 */
public final class MedcomCodec {

  private static final Pattern JSON_POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");
  private static final Pattern XML_POSITION =
      Pattern.compile("\\[row,col[^\\]]*\\]: \\[(\\d+),(\\d+)\\]");

  /** HAPI's code for a narrative its XHTML parser refuses (a JSON narrative is a string). */
  private static final String NOT_XHTML = "HAPI-1755";

  private static final ObjectMapper ROUTING_READER = new ObjectMapper();
  private static final Set<String> ROUTING_TYPES =
      Set.of("MessageHeader", "Organization", "Provenance");

  private final FhirContext fhirContext;

  public MedcomCodec() {
    this(FhirContext.forR4Cached());
  }

  public MedcomCodec(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public FhirContext fhirContext() {
    return fhirContext;
  }

  /** Parses and wraps in the typed view. */
  public MedcomMessage parseMessage(String body, String contentType) {
    return new MedcomMessage(parse(body, contentType));
  }

  /**
   * Parses a message Bundle. The format comes from the content type if it names one, otherwise from
   * the first non-whitespace character.
   */
  public Bundle parse(String body, String contentType) {
    return parseNoted(body, contentType).bundle();
  }

  /** As {@link #parse(String, String)}, with what the parser tolerated ({@link Parsed}). */
  public Parsed parseNoted(String body, String contentType) {
    if (body == null || body.isBlank()) {
      throw new MedcomParseException(MedcomParseException.Kind.EMPTY, "Message body is empty");
    }
    return parseNoted(body, formatOf(body, contentType));
  }

  private static MedcomFormat formatOf(String body, String contentType) {
    return MedcomFormat.fromContentType(contentType)
        .or(() -> MedcomFormat.sniff(body))
        .orElseThrow(
            () ->
                new MedcomParseException(
                    MedcomParseException.Kind.UNSUPPORTED_FORMAT,
                    "Message is neither FHIR JSON nor FHIR XML"));
  }

  /**
   * A parsed message and the first thing the parser tolerated in it (an unknown element, a list
   * where one value belongs, a wrong JSON type, …; null if nothing). The codec is lenient about
   * these (MedCom's R-Tek-C expects extra elements to be accepted) but the object model then no
   * longer holds the text exactly, which the validation fast path must know: it hands such a
   * message to HAPI. Parsing once for both saves the fast path a second parse of every message.
   *
   * <p>{@code tree}: the text's JSON tree, read strictly ({@link JsonTrees#strictObject}); the fast
   * path compares the model with it. Null for XML, and for JSON that is not strict (repeated names,
   * single quotes, …), which only HAPI's lenient reader reads.
   */
  public record Parsed(Bundle bundle, MedcomFormat format, String parserNote, ObjectNode tree) {}

  public Bundle parse(String body, MedcomFormat format) {
    return parseNoted(body, format).bundle();
  }

  /** As {@link #parse(String, MedcomFormat)}, with what the parser tolerated ({@link Parsed}). */
  public Parsed parseNoted(String body, MedcomFormat format) {
    refuseDtdDeclarations(body);
    ObjectNode tree = format == MedcomFormat.JSON ? JsonTrees.strictObject(body) : null;
    if (tree != null) {
      Parsed withOurNarratives = parseWithOurNarratives(tree);
      if (withOurNarratives != null) {
        return withOurNarratives;
      }
    }
    IBaseResource resource;
    RefusingInvalidValues handler = new RefusingInvalidValues();
    try {
      resource = newParser(format).setParserErrorHandler(handler).parseResource(body);
    } catch (MedcomParseException e) {
      throw e;
    } catch (DataFormatException | IllegalArgumentException | IllegalStateException e) {
      throw new MedcomParseException(
          MedcomParseException.Kind.MALFORMED_SYNTAX,
          "Malformed " + format + whatTheSenderMayBeTold(e.getMessage()));
    } catch (RuntimeException e) {
      // HAPI's parser fails on some shapes of input with an unchecked exception of its own (e.g. a
      // NullPointerException for a Bundle entry whose resource has no resourceType). Whatever the
      // parser cannot
      // read is the input's problem, never a server error.
      throw new MedcomParseException(
          MedcomParseException.Kind.MALFORMED_SYNTAX,
          "Malformed "
              + format
              + ": the FHIR parser cannot read it ("
              + e.getClass().getSimpleName()
              + ")");
    }
    if (!(resource instanceof Bundle bundle)) {
      throw new MedcomParseException(
          MedcomParseException.Kind.NOT_A_BUNDLE,
          "Expected a Bundle but found " + resource.fhirType());
    }
    return new Parsed(bundle, format, handler.tolerated, tree);
  }

  /**
   * HAPI's parse of a JSON message with its entries' narratives parsed by {@link NarrativeDivs}
   * (one XHTML parser per thread instead of one per narrative). Null when HAPI's own parse must
   * decide: no narrative taken out, anything tolerated or refused, a model that does not line up
   * with the tree. The tree is the text's again afterwards either way.
   */
  private Parsed parseWithOurNarratives(ObjectNode tree) {
    List<NarrativeDivs.Taken> taken = NarrativeDivs.takeOut(tree);
    if (taken.isEmpty()) {
      return null;
    }
    int entries = tree.get("entry").size();
    RefusingInvalidValues handler = new RefusingInvalidValues();
    IBaseResource resource;
    try {
      // From text, not from the tree: HAPI's parse of a text sets entries' ids from their fullUrl
      // in its own way, which its parse of a tree does not quite repeat (NarrativeDivsTest).
      resource =
          newParser(MedcomFormat.JSON)
              .setParserErrorHandler(handler)
              .parseResource(tree.toString());
    } catch (RuntimeException e) {
      return null;
    } finally {
      NarrativeDivs.putBack(taken);
    }
    if (handler.tolerated != null
        || !(resource instanceof Bundle bundle)
        || !NarrativeDivs.setInto(bundle, entries, taken)) {
      return null;
    }
    return new Parsed(bundle, MedcomFormat.JSON, null, tree);
  }

  /**
   * The message as far as addressing and acknowledging it need: its MessageHeader, Organizations
   * and Provenances, with every other entry left out before HAPI parses the text (JSON; XML is
   * parsed whole). A recipient that only answers a letter (the recipient simulator) then does not
   * pay for its clinical content, narratives and all: the letter's Patient, Encounter and
   * Communication cost most of a full parse (docs/performance.md, "What HAPI's parse of a MedCom
   * letter costs").
   *
   * @throws MedcomParseException as {@link #parseNoted(String, MedcomFormat)}
   */
  public MedcomMessage parseRoutingPart(String body, String contentType) {
    if (body == null || body.isBlank()) {
      throw new MedcomParseException(MedcomParseException.Kind.EMPTY, "Message body is empty");
    }
    return parseRoutingPart(body, formatOf(body, contentType));
  }

  /** As {@link #parseRoutingPart(String, String)}, in a known format. */
  public MedcomMessage parseRoutingPart(String body, MedcomFormat format) {
    if (format != MedcomFormat.JSON) {
      return new MedcomMessage(parse(body, format));
    }
    JsonNode tree;
    try {
      tree = ROUTING_READER.readTree(body);
    } catch (IOException e) {
      throw new MedcomParseException(
          MedcomParseException.Kind.MALFORMED_SYNTAX, "Malformed " + format);
    }
    if (tree instanceof ObjectNode bundle && bundle.get("entry") instanceof ArrayNode entries) {
      ArrayNode kept = entries.arrayNode();
      for (JsonNode entry : entries) {
        if (ROUTING_TYPES.contains(entry.path("resource").path("resourceType").asText())) {
          kept.add(entry);
        }
      }
      bundle.set("entry", kept);
    }
    return new MedcomMessage(parse(tree.toString(), format));
  }

  public String write(Bundle bundle, MedcomFormat format) {
    return newParser(format).encodeResourceToString(bundle);
  }

  public String writePretty(Bundle bundle, MedcomFormat format) {
    return newParser(format).setPrettyPrint(true).encodeResourceToString(bundle);
  }

  private IParser newParser(MedcomFormat format) {
    return format == MedcomFormat.JSON ? fhirContext.newJsonParser() : fhirContext.newXmlParser();
  }

  private static void refuseDtdDeclarations(String body) {
    if (hasDtdDeclaration(body)) {
      throw new MedcomParseException(
          MedcomParseException.Kind.FORBIDDEN_DOCTYPE,
          "DOCTYPE and ENTITY declarations are not allowed in FHIR messages");
    }
  }

  /**
   * {@code <!DOCTYPE} or {@code <!ENTITY}, in any case, the {@code <} possibly JSON-escaped as
   * {@code \\u003c}, with blanks allowed after the {@code !}. A scan from one {@code !} to the next
   * rather than a regular expression: a case-insensitive alternation tried at every position of
   * every message was 8 % of the front door's CPU (JFR, session 8).
   */
  static boolean hasDtdDeclaration(String body) {
    for (int bang = body.indexOf('!'); bang >= 0; bang = body.indexOf('!', bang + 1)) {
      boolean opened =
          (bang >= 1 && body.charAt(bang - 1) == '<')
              || (bang >= 6 && body.regionMatches(true, bang - 6, "\\u003c", 0, 6));
      if (!opened) {
        continue;
      }
      int name = bang + 1;
      while (name < body.length() && " \t\n\u000B\f\r".indexOf(body.charAt(name)) >= 0) {
        name++;
      }
      if (startsWithIgnoringAsciiCase(body, name, "doctype")
          || startsWithIgnoringAsciiCase(body, name, "entity")) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoringAsciiCase(String text, int from, String lowerCaseWord) {
    if (from + lowerCaseWord.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < lowerCaseWord.length(); i++) {
      char c = text.charAt(from + i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerCaseWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a parser message may tell the sender: the line and column, or the kind of finding (a
   * narrative that is not XHTML, an unknown resource type); the rest may quote the input.
   */
  private static String whatTheSenderMayBeTold(String parserMessage) {
    if (parserMessage == null) {
      return "";
    }
    if (parserMessage.contains(NOT_XHTML)) {
      // Before the positions: a position in HAPI's finding is one in the narrative, not in the
      // message. HAPI quotes the narrative after its finding; only the kind is named here.
      return parserMessage.contains("Maximum Element Depth")
          ? ": a narrative (text.div) nests its XHTML elements deeper than HAPI's limit of 1,000"
          : ": a narrative (text.div) is not well-formed XHTML";
    }
    for (Pattern pattern : new Pattern[] {JSON_POSITION, XML_POSITION}) {
      Matcher matcher = pattern.matcher(parserMessage);
      if (matcher.find()) {
        return " at line " + matcher.group(1) + ", column " + matcher.group(2);
      }
    }
    return parserMessage.toLowerCase(Locale.ROOT).contains("unknown resource")
        ? " (unknown resource type)"
        : "";
  }

  /**
   * Unknown elements are tolerated (MedCom test R-Tek-C expects extra elements to be accepted) and
   * noted; a value that is not valid for its FHIR datatype is a syntax error. Messages name the
   * element, never the value.
   */
  private static final class RefusingInvalidValues implements IParserErrorHandler {
    String tolerated;

    private void note(String what) {
      if (tolerated == null) {
        tolerated = what;
      }
    }

    @Override
    public void invalidValue(
        IParserErrorHandler.IParseLocation location, String value, String error) {
      String element =
          location == null || location.getParentElementName() == null
              ? "an element"
              : "element '" + location.getParentElementName() + "'";
      throw new MedcomParseException(
          MedcomParseException.Kind.INVALID_CONTENT, "Invalid value in " + element);
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
      note("contained resource without id");
    }

    @Override
    public void incorrectJsonType(
        IParseLocation location,
        String elementName,
        BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      note("wrong JSON type");
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
      note("missing required element");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
      note("repeated element");
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
      note("unknown attribute");
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
      note("unknown element");
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
      note("unknown reference");
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
      note("invalid internal reference");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
      note("extension with value and nested extensions");
    }
  }
}
