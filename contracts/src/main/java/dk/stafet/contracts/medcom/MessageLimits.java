package dk.stafet.contracts.medcom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shape a message may have before HAPI builds its object model of it: Bundle entries, elements
 * (JSON values or XML elements), nesting depth and the length of one string. HAPI's model of a
 * message costs many times its size in heap (one 1.3 MB HospitalNotification padded with 8,000
 * entries took 13.6 s and 21 full collections), so these are checked first, by a streaming scan
 * that builds nothing and stops at the first limit exceeded. Malformed text is not this scan's
 * concern: it stops there without a finding and the parser that follows names the syntax error.
 *
 * @param maxEntries Bundle.entry items (a MedCom message has a handful; a CareCommunication with
 *     attachments tens)
 * @param maxElements JSON values (objects, arrays, primitives) or XML elements and attributes in
 *     the whole message
 * @param maxDepth nesting of objects/arrays or XML elements
 * @param maxStringLength characters in one JSON string or XML attribute value or text (a base64
 *     attachment is one)
 */
public record MessageLimits(int maxEntries, int maxElements, int maxDepth, int maxStringLength) {

  /**
   * Ten times and more what MedCom's examples need (the largest: 17 entries, 570 JSON values, depth
   * 11, one string of 38,688 characters), small enough that a few messages at the limit at once fit
   * a 512 MB heap: HAPI's two models of a message (the parsed Bundle and the validator's element
   * tree) take about a kilobyte per element.
   */
  public static final MessageLimits DEFAULT = new MessageLimits(200, 20_000, 32, 1_500_000);

  private static final XMLInputFactory XML = xmlInputFactory();

  /**
   * The first limit the text exceeds, named for the sender; empty if within all limits (or not
   * well-formed).
   */
  public Optional<String> firstExceeded(String text, MedcomFormat format) {
    return format == MedcomFormat.XML ? scanXml(text) : scanJson(text);
  }

  private Optional<String> scanJson(String text) {
    // Jackson refuses a too-deep nesting or a too-long string itself, before it allocates for it.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxStringLength(maxStringLength)
                    .build())
            .build();
    int elements = 0;
    int entries = 0;
    int depth = 0;
    try (JsonParser parser = factory.createParser(new StringReader(text))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case FIELD_NAME -> {
            continue;
          }
          case START_OBJECT, START_ARRAY -> {
            depth++;
            // An item of Bundle.entry: an object (depth 3) in an array held by the root object's
            // "entry".
            if (token == JsonToken.START_OBJECT
                && depth == 3
                && parser.getParsingContext().getParent().inArray()
                && "entry"
                    .equals(parser.getParsingContext().getParent().getParent().getCurrentName())) {
              if (++entries > maxEntries) {
                return Optional.of(entriesMessage());
              }
            }
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            continue;
          }
          case VALUE_STRING -> {
            // Jackson's own constraint stops a huge string while reading it (checked per buffer
            // segment);
            // this names a string just over the limit exactly.
            if (parser.getTextLength() > maxStringLength) {
              return Optional.of(stringMessage());
            }
          }
          default -> {}
        }
        if (++elements > maxElements) {
          return Optional.of(elementsMessage());
        }
      }
    } catch (StreamConstraintsException e) {
      return Optional.of(
          e.getMessage().contains("nesting") || e.getMessage().contains("depth")
              ? depthMessage()
              : stringMessage());
    } catch (IOException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private Optional<String> scanXml(String text) {
    int elements = 0;
    int entries = 0;
    int depth = 0;
    XMLStreamReader reader = null;
    try {
      reader = XML.createXMLStreamReader(new StringReader(text));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth > maxDepth) {
            return Optional.of(depthMessage());
          }
          if (depth == 2 && "entry".equals(reader.getLocalName()) && ++entries > maxEntries) {
            return Optional.of(entriesMessage());
          }
          elements += 1 + reader.getAttributeCount();
          if (elements > maxElements) {
            return Optional.of(elementsMessage());
          }
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeValue(i).length() > maxStringLength) {
              return Optional.of(stringMessage());
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
            && reader.getTextLength() > maxStringLength) {
          return Optional.of(stringMessage());
        }
      }
    } catch (XMLStreamException malformed) {
      return Optional.empty();
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held open: the source is a string
        }
      }
    }
    return Optional.empty();
  }

  private String entriesMessage() {
    return "Message has more than " + maxEntries + " Bundle entries (limit max-entries)";
  }

  private String elementsMessage() {
    return "Message has more than " + maxElements + " elements (limit max-elements)";
  }

  private String depthMessage() {
    return "Message nests deeper than " + maxDepth + " levels (limit max-depth)";
  }

  private String stringMessage() {
    return "Message has a value longer than "
        + maxStringLength
        + " characters (limit max-string-length)";
  }

  private static XMLInputFactory xmlInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Never resolve anything: DOCTYPE and entities are refused by the codec anyway (MedcomCodec).
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Text in pieces, so one long text is not assembled just to measure it; a text split in pieces
    // is still bounded
    // by the message size limit that comes before this scan.
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory;
  }
}
