package dk.stafet.contracts.medcom;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.Writer;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The JSON trees of a received message: the text read once, strictly, which the fast path compares
 * HAPI's model with ({@link FastPathValidator}) and the codec takes narratives out of ({@link
 * NarrativeDivs}); and the model written back as a tree without writing it out as text (session 18,
 * docs/performance.md).
 */
final class JsonTrees {

  /**
   * Strict JSON — names unique within an object, nothing after it — with numbers kept exactly, as
   * HAPI's own reader keeps them ({@code JacksonStructure}: exact {@code BigDecimal}s for
   * fractions).
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonTrees() {}

  /**
   * The text's tree, when the text is one JSON object in strict JSON, starting (after JSON
   * whitespace) with its brace; null otherwise. HAPI's reader reads whatever this one does into the
   * same tree: it accepts more (single quotes, a leading plus sign, repeated names, any string
   * length, any whitespace before the brace), never less, and keeps numbers the same way. So the
   * tree written out again gives HAPI the model the text gives.
   */
  static ObjectNode strictObject(String text) {
    int first = 0;
    while (first < text.length() && " \t\n\r".indexOf(text.charAt(first)) >= 0) {
      first++;
    }
    if (first == text.length() || text.charAt(first) != '{') {
      return null;
    }
    try {
      return STRICT.readTree(text) instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The resource as the parser writes it (its settings, such as elements not to encode, included),
   * as the tree that text reads into — without the text: HAPI's JSON writer writes into a token
   * buffer, which is read back as a tree. Numbers come back as the numbers written, which may be of
   * another node type than the text's reading gives (a long for an int); compare them by their
   * text.
   */
  static JsonNode encoded(IJsonLikeParser parser, IBaseResource resource) throws IOException {
    TokenBufferFactory factory = new TokenBufferFactory();
    JacksonWriter writer = new JacksonWriter(factory, Writer.nullWriter());
    parser.encodeResourceToJsonLikeWriter(resource, writer);
    writer.close();
    try (com.fasterxml.jackson.core.JsonParser tokens = factory.buffer.asParser()) {
      return STRICT.readTree(tokens);
    }
  }

  /** Gives HAPI's {@link JacksonWriter} a token buffer where it asks for a generator. */
  private static final class TokenBufferFactory extends JsonFactory {
    private TokenBuffer buffer;

    @Override
    public JsonGenerator createGenerator(Writer ignored) {
      buffer = new TokenBuffer(STRICT, false);
      return buffer;
    }
  }
}
