package dk.stafet.contracts.medcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Generates bad (and sometimes still valid) variants of a MedCom JSON message, by class,
 * deterministically from a seed: the bad-input corpus of the front door's tests (issue 13: deleted,
 * blanked, garbled codes and systems, single values turned into lists and back, broken and
 * implausible dates, unknown properties, dropped entries, dangling references, swapped profiles,
 * control characters, wrong JSON types). Each mutant names its class and the JSON path it changed.
 */
public final class MedcomMutants {

  /** The kinds of damage, each one change to one place of the message. */
  public enum MutationClass {
    DELETED,
    BLANKED,
    GARBLED_CODE,
    GARBLED_SYSTEM,
    SINGLE_TO_LIST,
    LIST_TO_SINGLE,
    BROKEN_DATE,
    IMPLAUSIBLE_DATE,
    UNKNOWN_PROPERTY,
    DROPPED_ENTRY,
    DANGLING_REFERENCE,
    SWAPPED_PROFILE,
    CONTROL_CHARACTER,
    WRONG_TYPE,
    /** A code-valued element (status, use, type, mode, …) set to another, plausible code. */
    WRONG_FIXED_VALUE,
    /** An item of a list repeated: overflows a maximum cardinality or a slice. */
    CARDINALITY_OVERFLOW
  }

  /**
   * One mutant: its class, where it was changed (a JSON path such as {@code
   * entry[2].resource.status}) and the text.
   */
  public record Mutant(MutationClass mutationClass, String source, String path, String json) {
    public String name() {
      return mutationClass + " " + source + " @ " + path;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OTHER_PROFILES =
      List.of(
          "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message",
          "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message",
          "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement");

  private MedcomMutants() {}

  /**
   * Up to {@code perClass} mutants of each class of one message, chosen with {@code seed}; a class
   * with no place to apply it (e.g. no list of one) yields fewer.
   */
  public static List<Mutant> of(String source, String json, int perClass, long seed) {
    JsonNode original = read(json);
    List<Mutant> mutants = new ArrayList<>();
    Random random = new Random(seed);
    for (MutationClass mutationClass : MutationClass.values()) {
      List<String> places = places(original, mutationClass);
      for (int i = 0; i < perClass && !places.isEmpty(); i++) {
        String path = places.remove(random.nextInt(places.size()));
        ObjectNode copy = (ObjectNode) original.deepCopy();
        apply(copy, path, mutationClass, random);
        mutants.add(new Mutant(mutationClass, source, path, copy.toString()));
      }
    }
    return mutants;
  }

  /**
   * The message with {@code extraEntries} more Bundle entries, small Organizations of about 180
   * bytes each: the padded HospitalNotification of issue 11 (1.3 MB there, about 1.5 MB here, with
   * 8,000 extra entries), legal in size, costly in HAPI's model.
   */
  public static String paddedWithEntries(String json, int extraEntries) {
    ObjectNode root = (ObjectNode) read(json);
    ArrayNode entries = (ArrayNode) root.get("entry");
    for (int i = 0; i < extraEntries; i++) {
      String id = new java.util.UUID(0xC0FFEEL, i).toString();
      ObjectNode entry = entries.addObject().put("fullUrl", "urn:uuid:" + id);
      entry
          .putObject("resource")
          .put("resourceType", "Organization")
          .put("id", id)
          .put("name", "Padding organisation " + i);
    }
    return root.toString();
  }

  /** Every place in the message where a class can be applied, as paths. */
  private static List<String> places(JsonNode root, MutationClass mutationClass) {
    List<String> places = new ArrayList<>();
    BiPredicate<String, JsonNode> wanted =
        switch (mutationClass) {
          case DELETED, WRONG_TYPE ->
              (path, node) ->
                  !path.isEmpty() && !path.endsWith("]") && !path.equals("resourceType");
          case BLANKED, CONTROL_CHARACTER ->
              (path, node) ->
                  node.isTextual() && !path.endsWith("div") && !path.endsWith("resourceType");
          case GARBLED_CODE -> (path, node) -> node.isTextual() && path.endsWith(".code");
          case GARBLED_SYSTEM -> (path, node) -> node.isTextual() && path.endsWith(".system");
          case SINGLE_TO_LIST ->
              (path, node) ->
                  !path.isEmpty()
                      && !path.endsWith("]")
                      && !node.isArray()
                      && !path.endsWith("resourceType");
          case LIST_TO_SINGLE -> (path, node) -> node.isArray() && node.size() == 1;
          case BROKEN_DATE, IMPLAUSIBLE_DATE ->
              (path, node) -> node.isTextual() && node.asText().matches("\\d{4}-\\d{2}.*");
          case UNKNOWN_PROPERTY -> (path, node) -> node.isObject() && !path.isEmpty();
          case DROPPED_ENTRY -> (path, node) -> path.matches("entry\\[[1-9]\\d*\\]");
          case DANGLING_REFERENCE ->
              (path, node) -> node.isTextual() && path.endsWith(".reference");
          case SWAPPED_PROFILE ->
              (path, node) -> path.matches("(entry\\[0\\]\\.resource\\.)?meta\\.profile\\[\\d+\\]");
          case WRONG_FIXED_VALUE ->
              (path, node) ->
                  node.isTextual()
                      && path.matches(".*\\.(status|use|type|mode|code|url|system|gender|class)$");
          case CARDINALITY_OVERFLOW -> (path, node) -> path.endsWith("]");
        };
    walk(
        root,
        "",
        (path, node) -> {
          if (wanted.test(path, node)) {
            places.add(path);
          }
        });
    return places;
  }

  private static void apply(
      ObjectNode root, String path, MutationClass mutationClass, Random random) {
    JsonNode parent = parentOf(root, path);
    String last = lastStep(path);
    JsonNode node = childOf(parent, last);
    switch (mutationClass) {
      case DELETED, DROPPED_ENTRY -> remove(parent, last);
      case BLANKED -> put(parent, last, TextNode.valueOf(""));
      case GARBLED_CODE ->
          put(parent, last, TextNode.valueOf("zz-garbled-" + random.nextInt(1000)));
      case GARBLED_SYSTEM ->
          put(parent, last, TextNode.valueOf("urn:oid:1.2.3.garbled." + random.nextInt(1000)));
      case SINGLE_TO_LIST ->
          put(parent, last, JsonNodeFactory.instance.arrayNode().add(node.deepCopy()));
      case LIST_TO_SINGLE -> put(parent, last, node.get(0).deepCopy());
      case BROKEN_DATE ->
          put(
              parent,
              last,
              TextNode.valueOf(
                  List.of(
                          "2023-13-45T25:61:00+01:00",
                          "2023-02-30",
                          "20230101",
                          "2023-01-01T10:00",
                          "yesterday")
                      .get(random.nextInt(5))));
      case IMPLAUSIBLE_DATE ->
          put(
              parent,
              last,
              TextNode.valueOf(
                  List.of("2999-01-01T10:00:00+01:00", "1800-06-01T10:00:00+01:00", "0001-01-01")
                      .get(random.nextInt(3))));
      case UNKNOWN_PROPERTY ->
          ((ObjectNode) node).put("zzUnknownProperty" + random.nextInt(100), "not FHIR");
      case DANGLING_REFERENCE ->
          put(parent, last, TextNode.valueOf("Patient/does-not-exist-" + random.nextInt(1000)));
      case SWAPPED_PROFILE ->
          put(parent, last, TextNode.valueOf(swappedProfile(node.asText(), random)));
      case WRONG_FIXED_VALUE ->
          put(
              parent,
              last,
              TextNode.valueOf(
                  List.of(
                          "unknown",
                          "active",
                          "official",
                          "message",
                          "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                          "urn:oid:1.2.208.176.1.2")
                      .get(random.nextInt(6))));
      case CARDINALITY_OVERFLOW -> ((ArrayNode) parent).add(node.deepCopy());
      case CONTROL_CHARACTER -> {
        String text = node.asText();
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        char control =
            List.of('\u0000', '\u0007', '\u001b', '\u000b', '\u007f').get(random.nextInt(5));
        put(parent, last, TextNode.valueOf(text.substring(0, at) + control + text.substring(at)));
      }
      case WRONG_TYPE ->
          put(
              parent,
              last,
              node.isTextual()
                  ? JsonNodeFactory.instance.numberNode(42)
                  : node.isNumber() || node.isBoolean()
                      ? TextNode.valueOf("forty-two")
                      : TextNode.valueOf("an object was expected"));
    }
  }

  private static String swappedProfile(String current, Random random) {
    List<String> others =
        OTHER_PROFILES.stream().filter(profile -> !profile.equals(current)).toList();
    return others.get(random.nextInt(others.size()));
  }

  private interface Visitor {
    void visit(String path, JsonNode node);
  }

  private static void walk(JsonNode node, String path, Visitor visitor) {
    visitor.visit(path, node);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(
            field.getValue(),
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", visitor);
      }
    }
  }

  /** Steps of a path: "entry[2].resource.status" → entry, [2], resource, status. */
  private static List<String> steps(String path) {
    List<String> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        steps.add(part);
        continue;
      }
      if (bracket > 0) {
        steps.add(part.substring(0, bracket));
      }
      for (String index : part.substring(bracket).split("(?=\\[)")) {
        steps.add(index);
      }
    }
    return steps;
  }

  private static JsonNode parentOf(JsonNode root, String path) {
    List<String> steps = steps(path);
    JsonNode node = root;
    for (String step : steps.subList(0, steps.size() - 1)) {
      node = childOf(node, step);
    }
    return node;
  }

  private static String lastStep(String path) {
    List<String> steps = steps(path);
    return steps.get(steps.size() - 1);
  }

  private static JsonNode childOf(JsonNode parent, String step) {
    return step.startsWith("[") ? parent.get(index(step)) : parent.get(step);
  }

  private static void put(JsonNode parent, String step, JsonNode value) {
    if (step.startsWith("[")) {
      ((ArrayNode) parent).set(index(step), value);
    } else {
      ((ObjectNode) parent).set(step, value);
    }
  }

  private static void remove(JsonNode parent, String step) {
    if (step.startsWith("[")) {
      ((ArrayNode) parent).remove(index(step));
    } else {
      ((ObjectNode) parent).remove(step);
    }
  }

  private static int index(String step) {
    return Integer.parseInt(step.substring(1, step.length() - 1));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
