package dk.stafet.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' own CRD schemas (Strimzi, CloudNativePG) from {@code ../shared/k8s-crds}, read in
 * place. Each served version's {@code openAPIV3Schema} is checked with networknt's validator the
 * way the API server does with strict field validation ({@code kubectl apply --validate=strict}): a
 * field the schema does not declare is an error, except below {@code
 * x-kubernetes-preserve-unknown-fields} (e.g. Kafka's free-form {@code config}). Not checked
 * offline: the CRDs' CEL rules ({@code x-kubernetes-validations}), which need the API server.
 */
final class CrdSchemas {

  private final Map<String, JsonSchema> schemas = new HashMap<>();

  private CrdSchemas(Path folder) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (ObjectNode crd : Manifests.parse(Files.readString(file))) {
          if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            continue;
          }
          String group = crd.path("spec").path("group").asText();
          String kind = crd.path("spec").path("names").path("kind").asText();
          for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("served").asBoolean()) {
              JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
              // metadata is an ObjectMeta: CoreKinds checks it with the typed model.
              ((ObjectNode) schema.path("properties"))
                  .set("metadata", JsonNodeFactory.instance.objectNode());
              schemas.put(
                  key(group + "/" + version.path("name").asText(), kind),
                  factory.getSchema(schema));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (schemas.isEmpty()) {
      throw new AssertionError(
          "No CRD found in " + folder + " (../shared/k8s-crds must be beside the repository)");
    }
  }

  static CrdSchemas load() {
    return new CrdSchemas(Manifests.shared().resolve("k8s-crds"));
  }

  int size() {
    return schemas.size();
  }

  boolean covers(JsonNode object) {
    return schemas.containsKey(key(object));
  }

  /**
   * Problems of {@code object} against its CRD, or empty when valid; an error when no CRD covers
   * it.
   */
  List<String> validate(JsonNode object) {
    JsonSchema schema =
        Optional.ofNullable(schemas.get(key(object)))
            .orElseThrow(() -> new IllegalArgumentException("no CRD for " + key(object)));
    List<String> problems = new ArrayList<>();
    for (ValidationMessage message : schema.validate(object)) {
      problems.add(Manifests.describe(object) + ": " + message.getMessage());
    }
    return problems;
  }

  private static String key(JsonNode object) {
    return key(object.path("apiVersion").asText(), object.path("kind").asText());
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + ":" + kind;
  }

  /**
   * The schema as the API server applies it: objects with declared properties refuse other fields;
   * the Kubernetes extensions (x-kubernetes-*) and OpenAPI's {@code nullable} are not JSON-schema
   * keywords and are dropped.
   */
  private static JsonNode strict(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode node = (ObjectNode) schema;
    boolean preserveUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (node.has("properties") && !preserveUnknown && !node.has("additionalProperties")) {
      node.put("additionalProperties", false);
    }
    List<String> extensions = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("x-kubernetes-") || name.equals("nullable")) {
                extensions.add(name);
              }
            });
    node.remove(extensions);
    if (node.path("properties").isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
          it.hasNext(); ) {
        strict(it.next().getValue());
      }
    }
    strict(node.path("items"));
    strict(node.path("additionalProperties"));
    strict(node.path("not"));
    for (String combination : List.of("allOf", "anyOf", "oneOf")) {
      if (node.path(combination) instanceof ArrayNode array) {
        array.forEach(CrdSchemas::strict);
      }
    }
    return node;
  }
}
