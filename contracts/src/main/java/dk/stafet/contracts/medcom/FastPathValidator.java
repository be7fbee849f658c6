package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IJsonLikeParser;
import com.fasterxml.jackson.databind.JsonNode;
import dk.stafet.contracts.medcom.CompiledProfiles.CompiledElement;
import dk.stafet.contracts.medcom.CompiledProfiles.CompiledProfile;
import dk.stafet.contracts.medcom.CompiledProfiles.Invariant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.BaseHostServices;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionSlicingDiscriminatorComponent;
import org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The compiled fast path of MedCom validation (issue 11 item 2): walks a received message over the
 * {@link CompiledProfiles check plans} of its type's profile and of every profile its resources
 * claim or its references demand. Its verdict is only ever {@link Verdict#accept() accept} or
 * {@link Verdict#askHapi ask HAPI}: a message it finds invalid, or one holding anything it does not
 * model, goes to HAPI's full validation, whose findings are what the sender gets. So a fast-path
 * accept must never be a message HAPI rejects; {@code FastPathDifferentialTest} proves that over
 * every MedCom example and a mutated corpus.
 *
 * <p>Besides the profiles it reproduces what HAPI's validator checks on the text beyond them, by
 * refusing to decide: unknown properties, a list where one value is allowed, wrong JSON types and
 * invalid values (HAPI's parser reports them to a recording error handler), empty strings, nulls,
 * values with leading or trailing whitespace, duplicate keys, primitive formats (FHIR's regular
 * expressions), narrative XHTML outside a small safe set, references that resolve to nothing in the
 * Bundle (except inside a Provenance, as Stafet's finding policy tolerates), codes of code systems
 * the validation chain knows. XML is not handled (deferred): the differential corpus is JSON.
 * Thread-safe.
 */
public final class FastPathValidator {

  /** The fast path's answer. */
  public record Verdict(boolean accepted, String reason) {
    static Verdict accept() {
      return new Verdict(true, null);
    }

    static Verdict askHapi(String reason) {
      return new Verdict(false, reason);
    }
  }

  /** Narrative XHTML the fast path accepts; anything else is left to HAPI's XHTML checks. */
  private static final Set<String> SAFE_XHTML_ELEMENTS =
      Set.of(
          "div",
          "p",
          "b",
          "i",
          "em",
          "strong",
          "span",
          "br",
          "table",
          "thead",
          "tbody",
          "tr",
          "td",
          "th",
          "ul",
          "ol",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "code",
          "sub",
          "sup",
          "small",
          "hr",
          "a",
          "caption",
          "colgroup",
          "col",
          "dl",
          "dt",
          "dd",
          "blockquote");

  private static final Set<String> SAFE_XHTML_ATTRIBUTES =
      Set.of("class", "style", "lang", "xml:lang", "xmlns", "colspan", "rowspan", "title");

  private static final String BASE = "http://hl7.org/fhir/StructureDefinition/";

  /** Every resource's narrative XHTML, in HAPI's encoder's path syntax. */
  private static final Set<String> NARRATIVE_XHTML = Set.of("*.text.div");

  private static final Set<String> URI_TYPES = Set.of("uri", "url", "canonical");

  private final MedcomCodec codec;
  private final CompiledProfiles compiled;
  private final Map<String, Boolean> codeValidity = new ConcurrentHashMap<>();
  private final Map<String, ExpressionNode> discriminatorPaths = new ConcurrentHashMap<>();
  private final ThreadLocal<FHIRPathEngine> engines;

  FastPathValidator(MedcomCodec codec, IValidationSupport chain) {
    this.codec = codec;
    this.compiled = new CompiledProfiles(codec.fhirContext(), chain);
    this.engines =
        ThreadLocal.withInitial(
            () -> {
              FHIRPathEngine engine = new FHIRPathEngine(compiled.workerContext());
              engine.setHostServices(new HostServices(compiled));
              return engine;
            });
  }

  /**
   * Compiles the given profiles now (they are otherwise compiled on first use), so the first
   * message does not pay for it.
   */
  void precompile(List<String> profileUrls) {
    for (String url : profileUrls) {
      compiled.profile(url);
    }
  }

  /**
   * Parses {@code text} and checks it: for callers that have not parsed it with the codec.
   *
   * @param messageProfile the profile of the message's type, which the Bundle must conform to
   */
  public Verdict check(String text, MedcomFormat format, String messageProfile) {
    if (format != MedcomFormat.JSON) {
      return Verdict.askHapi("XML is validated by HAPI");
    }
    MedcomCodec.Parsed parsed;
    try {
      parsed = codec.parseNoted(text, format);
    } catch (MedcomParseException e) {
      return Verdict.askHapi("not parsed: " + e.kind());
    }
    return check(parsed, messageProfile);
  }

  /**
   * Checks a message the codec has parsed, before anything else has read the model (HAPI's getters
   * create the elements they are asked for). The text's own tree, which the model is compared with,
   * comes with it ({@link MedcomCodec.Parsed#tree}).
   *
   * @param messageProfile the profile of the message's type, which the Bundle must conform to
   */
  public Verdict check(MedcomCodec.Parsed parsed, String messageProfile) {
    if (parsed.format() != MedcomFormat.JSON) {
      return Verdict.askHapi("XML is validated by HAPI");
    }
    if (parsed.parserNote() != null) {
      return Verdict.askHapi(parsed.parserNote());
    }
    Bundle bundle = parsed.bundle();
    try {
      if (parsed.tree() == null) {
        return Verdict.askHapi("not strict JSON");
      }
      if (!sameTree(parsed.tree(), encodedWithoutNarrativeXhtml(bundle))) {
        return Verdict.askHapi("the object model does not hold the text exactly");
      }
    } catch (IOException | RuntimeException e) {
      return Verdict.askHapi("fast path could not decide (" + e.getClass().getSimpleName() + ")");
    }
    return walk(bundle, messageProfile);
  }

  /**
   * Checks a message Stafet has built, on the model the codec writes it from
   * (notification-service's outgoing messages, {@link MedcomValidator#validateBuilt}), instead of a
   * parse of the text just written. The walk is the same. What the parsed way in learns by
   * comparing the text with the model (nothing dropped or bent by the lenient parser), a built
   * model holds by construction, except for what the writer leaves out or keeps verbatim: {@link
   * AsWritten} refuses those. {@code BuiltMessagesFastPathTest} holds that both ways in give the
   * same verdict.
   *
   * @param messageProfile the profile of the message's type, which the Bundle must conform to
   */
  Verdict checkBuilt(Bundle bundle, String messageProfile) {
    String difference;
    try {
      difference = AsWritten.difference(bundle);
    } catch (RuntimeException e) {
      return Verdict.askHapi("fast path could not decide (" + e.getClass().getSimpleName() + ")");
    }
    return difference != null ? Verdict.askHapi(difference) : walk(bundle, messageProfile);
  }

  /** The walk over a model known to hold its text exactly. */
  private Verdict walk(Bundle bundle, String messageProfile) {
    try {
      Run run = new Run(bundle);
      run.index();
      if (!run.conforms(bundle, messageProfile) || !run.conformsToAllItMust(bundle)) {
        return Verdict.askHapi(run.failure);
      }
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (!run.conformsToAllItMust(entry.getResource())) {
          return Verdict.askHapi(run.failure);
        }
      }
      return Verdict.accept();
    } catch (Undecidable e) {
      return Verdict.askHapi("not modelled: " + e.getMessage());
    } catch (RuntimeException e) {
      return Verdict.askHapi("fast path could not decide (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The model as a JSON tree, each narrative's XHTML left out: the comparison only asks that the
   * text has one (the walk checks the model's XHTML), and writing it again was two thirds of the
   * encoding (session 17). Leaving elements out this way adds no SUBSETTED tag (HAPI adds one for
   * summaries, suppressed narratives and element lists to encode, not for elements not to encode).
   * Written as a tree, not as text read back (session 18).
   */
  private JsonNode encodedWithoutNarrativeXhtml(Bundle bundle) throws IOException {
    IJsonLikeParser parser = (IJsonLikeParser) codec.fhirContext().newJsonParser();
    parser.setDontEncodeElements(NARRATIVE_XHTML);
    return JsonTrees.encoded(parser, bundle);
  }

  /**
   * The walk sees HAPI's object model of the message, HAPI's validator sees the text. They agree
   * only if the model holds the text exactly: re-encoded, it must give the text's JSON tree (a list
   * where one value belongs, an unknown or mistyped property, an id taken from the fullUrl all show
   * as a difference). A narrative's {@code div} must be in the text, a string that starts as one;
   * the encoding leaves it out and the walk checks the model's XHTML. Numbers compare by their text
   * (both sides exact decimals; an integer may be an int on one side and a long on the other).
   */
  private static boolean sameTree(JsonNode original, JsonNode encoded) {
    if (original.isTextual()) {
      // HAPI's validator reports empty strings and (for most types) surrounding whitespace
      String value = original.asText();
      if (value.isEmpty()
          || Character.isWhitespace(value.charAt(0))
          || Character.isWhitespace(value.charAt(value.length() - 1))) {
        return false;
      }
    }
    if (original.isContainerNode() && original.isEmpty()) {
      return false; // an empty object or array
    }
    if (original.isObject() && encoded.isObject()) {
      JsonNode div = original.get("div");
      if (original.size() != encoded.size() + (div != null ? 1 : 0) || encoded.has("div")) {
        return false;
      }
      if (div != null && !(div.isTextual() && div.asText().startsWith("<div"))) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = original.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if ("div".equals(field.getKey())) {
          continue;
        }
        JsonNode other = encoded.get(field.getKey());
        if (other == null || !sameTree(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (original.isArray() && encoded.isArray()) {
      if (original.size() != encoded.size()) {
        return false;
      }
      for (int i = 0; i < original.size(); i++) {
        if (!sameTree(original.get(i), encoded.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (original.isNumber() && encoded.isNumber()) {
      return original.asText().equals(encoded.asText());
    }
    return original.getNodeType() == encoded.getNodeType() && original.equals(encoded);
  }

  /** Thrown when the fast path meets something it does not model; the message goes to HAPI. */
  private static final class Undecidable extends RuntimeException {
    Undecidable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One message's walk. */
  private final class Run {
    final Bundle bundle;
    final Map<String, Resource> byFullUrl = new HashMap<>();
    final Map<String, Resource> byTypeAndId = new HashMap<>();
    final Map<Resource, Map<String, Boolean>> conformance = new IdentityHashMap<>();
    String failure;

    Run(Bundle bundle) {
      this.bundle = bundle;
    }

    void index() {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        Resource resource = entry.getResource();
        if (resource == null || !entry.hasFullUrl()) {
          throw new Undecidable("entry without resource or fullUrl");
        }
        if (resource instanceof DomainResource domain && domain.hasContained()) {
          throw new Undecidable("contained resources");
        }
        String id = resource.getIdElement().getIdPart();
        String fullUrl = entry.getFullUrl();
        String typeAndId = resource.fhirType() + "/" + id;
        if (id == null
            || !(fullUrl.endsWith("/" + typeAndId)
                || fullUrl.equals("urn:uuid:" + id)
                || fullUrl.equals(typeAndId))) {
          throw new Undecidable("fullUrl and resource id differ");
        }
        if (byFullUrl.put(fullUrl, resource) != null
            || byTypeAndId.put(typeAndId, resource) != null) {
          throw new Undecidable("duplicate entry");
        }
      }
    }

    Resource resolve(String reference) {
      Resource resource = byFullUrl.get(reference);
      if (resource == null) {
        resource = byTypeAndId.get(reference);
      }
      if (resource == null) {
        String[] parts = reference.split("/");
        if (parts.length >= 2) {
          resource = byTypeAndId.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
          if (resource != null && !reference.startsWith("http")) {
            resource = null;
          }
        }
      }
      return resource;
    }

    /** Base definition and every claimed profile: what HAPI validates each entry against. */
    boolean conformsToAllItMust(Resource resource) {
      List<String> profiles = new ArrayList<>();
      for (CanonicalType claim : resource.getMeta().getProfile()) {
        String url = CompiledProfiles.stripVersion(claim.getValue());
        if (compiled.profile(url).isPresent()) {
          profiles.add(url);
        } else if (compiled.chain().fetchStructureDefinition(url) != null) {
          throw new Undecidable("claimed profile not compiled");
        }
        // else a claim of a profile nobody loaded: HAPI can only report it, and Stafet's finding
        // policy tolerates that (MedCom's pre-2023 profile URLs, ValidationFindingPolicy)
      }
      if (profiles.isEmpty()) {
        profiles.add(BASE + resource.fhirType());
      }
      for (String profile : profiles) {
        if (!conforms(resource, profile)) {
          return false;
        }
      }
      return true;
    }

    boolean conforms(Resource resource, String profileUrl) {
      Map<String, Boolean> known = conformance.computeIfAbsent(resource, r -> new HashMap<>());
      Boolean result = known.get(profileUrl);
      if (result != null) {
        return result;
      }
      known.put(profileUrl, Boolean.FALSE);
      CompiledProfile profile =
          compiled
              .profile(profileUrl)
              .orElseThrow(() -> new Undecidable("profile not known " + profileUrl));
      if (!profile.type.equals(resource.fhirType())) {
        return fail("resource type does not match profile");
      }
      boolean ok = element(resource, profile.root, resource, true);
      known.put(profileUrl, ok);
      return ok;
    }

    private boolean fail(String reason) {
      if (failure == null) {
        failure = reason;
      }
      return false;
    }

    /** Checks one value against one compiled element, and its children. */
    boolean element(Base value, CompiledElement element, Resource resource, boolean isRoot) {
      if (element.notModelled() != null) {
        throw new Undecidable(element.notModelled());
      }
      // Empty objects and strings were refused with the text; a primitive may still lack a value.
      if (value instanceof PrimitiveType<?> p && !p.hasValue() && !p.hasExtension()) {
        throw new Undecidable("empty element");
      }
      if (!isRoot && !typeAllowed(value, element)) {
        return fail("type not allowed at " + element.id);
      }
      if (element.fixed != null && !sameValue(element.fixed, value)) {
        return fail("fixed value differs at " + element.id);
      }
      if (element.pattern != null && !matchesPattern(element.pattern, value)) {
        return fail("pattern not matched at " + element.id);
      }
      if (element.requiredCodes != null && !inValueSet(value, element.requiredCodes)) {
        return fail("code not in required value set at " + element.id);
      }
      if (element.unexpandedValueSet != null) {
        checkInUnexpandedValueSet(value, element.unexpandedValueSet);
      }
      if (value instanceof Coding coding) {
        checkCodeSystem(coding);
      }
      if (value instanceof PrimitiveType<?> primitive && !primitiveFormatOk(primitive, element)) {
        return fail("bad primitive format at " + element.id);
      }
      for (Invariant invariant : element.invariants) {
        if (!holds(invariant, value, resource)) {
          return fail("invariant " + invariant.key() + " fails at " + element.id);
        }
      }
      if (!isRoot && value instanceof Resource) {
        // Entries are walked on their own (conformsToAllItMust) with the type's profile if any.
        for (TypeRefComponent type : element.types) {
          for (CanonicalType profile : type.getProfile()) {
            if (!conforms((Resource) value, CompiledProfiles.stripVersion(profile.getValue()))) {
              return false;
            }
          }
        }
        return true;
      }
      if (value instanceof Reference reference && !reference(reference, element, resource)) {
        return false;
      }
      if (value instanceof Extension extension && !isRoot) {
        String profile = singleTypeProfile(element);
        String url = CompiledProfiles.stripVersion(extension.getUrl());
        if (profile == null || !profile.equals(url)) {
          if (profile != null) {
            return fail("extension of another url at " + element.id);
          }
          CompiledProfile definition =
              compiled.profile(url).orElseThrow(() -> new Undecidable("unknown extension"));
          if (!element(extension, definition.root, resource, true)) {
            return false;
          }
        }
      }
      if (value instanceof Narrative narrative) {
        narrative(narrative);
      }
      return children(value, element, resource);
    }

    private boolean children(Base value, CompiledElement element, Resource resource) {
      Map<String, CompiledElement> kids = childrenOf(value, element, resource);
      Map<String, Integer> counts = new HashMap<>();
      for (Property property : value.children()) {
        if (!property.hasValues()) {
          continue;
        }
        String name = property.getName();
        if (name.equals("div") && value instanceof Narrative) {
          continue;
        }
        String key = name.endsWith("[x]") ? name.substring(0, name.length() - 3) : name;
        CompiledElement child = kids.get(key);
        if (child == null) {
          throw new Undecidable("element without definition " + element.id + "." + key);
        }
        List<Base> values = property.getValues();
        counts.put(key, values.size());
        if (values.size() < child.min || values.size() > child.max) {
          return fail("cardinality of " + child.id);
        }
        if (child.isSliced()) {
          if (!sliced(values, child, resource)) {
            return false;
          }
        } else if (!child.slices.isEmpty() && child.choice) {
          // value[x] constrained per type without a discriminator list: defer
          throw new Undecidable("choice slices without discriminator " + child.id);
        } else {
          for (Base item : values) {
            if (!element(item, child, resource, false)) {
              return false;
            }
          }
        }
      }
      for (CompiledElement child : kids.values()) {
        if (child.min > 0 && !counts.containsKey(child.name)) {
          if ("div".equals(child.name) && value instanceof Narrative n && n.hasDiv()) {
            continue;
          }
          return fail("missing " + child.id);
        }
      }
      return true;
    }

    private Map<String, CompiledElement> childrenOf(
        Base value, CompiledElement element, Resource resource) {
      if (!element.children.isEmpty()) {
        return element.children;
      }
      String profile = value instanceof Extension ? null : singleTypeProfile(element);
      Optional<CompiledProfile> type =
          profile != null ? compiled.profile(profile) : compiled.type(value.fhirType());
      CompiledProfile definition =
          type.orElseThrow(() -> new Undecidable("type not known " + value.fhirType()));
      if (profile != null && !definition.type.equals(value.fhirType())) {
        throw new Undecidable("type profile of another type");
      }
      // The type's (or type profile's) own root constraints apply too: cpt-2, att-1, …
      for (Invariant invariant : definition.root.invariants) {
        if (!holds(invariant, value, resource)) {
          throw new Undecidable("invariant " + invariant.key() + " of type " + definition.url);
        }
      }
      return definition.root.children;
    }

    private boolean sliced(List<Base> values, CompiledElement sliced, Resource resource) {
      Map<CompiledElement, Integer> perSlice = new IdentityHashMap<>();
      for (Base item : values) {
        CompiledElement match = null;
        for (CompiledElement slice : sliced.slices) {
          if (matchesSlice(item, sliced, slice)) {
            if (match != null) {
              throw new Undecidable("value matches two slices of " + sliced.id);
            }
            match = slice;
          }
        }
        if (match == null && sliced.closedSlicing) {
          return fail("no slice of closed slicing " + sliced.id);
        }
        if (!element(item, sliced, resource, false)) {
          return false;
        }
        if (match != null) {
          perSlice.merge(match, 1, Integer::sum);
          if (!element(item, match, resource, false)) {
            return false;
          }
        }
      }
      for (CompiledElement slice : sliced.slices) {
        int count = perSlice.getOrDefault(slice, 0);
        if (count < slice.min || count > slice.max) {
          return fail("cardinality of slice " + slice.id);
        }
      }
      return true;
    }

    private boolean matchesSlice(Base item, CompiledElement sliced, CompiledElement slice) {
      for (ElementDefinitionSlicingDiscriminatorComponent d : sliced.discriminators) {
        String path = d.getPath();
        CompiledElement target =
            slice.discriminatorTargets.computeIfAbsent(path, p -> elementAt(slice, p));
        List<Base> found = "$this".equals(path) ? List.of(item) : evaluate(path, item);
        switch (d.getType()) {
          case TYPE -> {
            if (found.size() != 1 || !target.typeCodes.contains(found.get(0).fhirType())) {
              return false;
            }
          }
          case VALUE, PATTERN -> {
            Base expected = target.fixed != null ? target.fixed : target.pattern;
            if (expected == null && target.requiredCodes != null) {
              // a value discriminator may name a required binding: membership decides
              if (found.size() != 1 || !inValueSet(found.get(0), target.requiredCodes)) {
                return false;
              }
              continue;
            }
            if (expected == null) {
              throw new Undecidable("discriminator without fixed value " + slice.id + " " + path);
            }
            boolean any = false;
            for (Base candidate : found) {
              if (target.fixed != null
                  ? sameValue(expected, candidate)
                  : matchesPattern(expected, candidate)) {
                any = true;
              }
            }
            if (!any) {
              return false;
            }
          }
          default -> throw new Undecidable("discriminator " + d.getType());
        }
      }
      return true;
    }

    /** The slice's definition of the element a discriminator path names. */
    private CompiledElement elementAt(CompiledElement slice, String path) {
      String rest = path.startsWith("$this") ? path.substring(5) : path;
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
      if (rest.isEmpty()) {
        return slice;
      }
      List<String> steps = new ArrayList<>();
      for (String step : rest.split("\\.(?![^(]*\\))")) {
        steps.add(step);
      }
      CompiledElement found = resolveSteps(slice, steps, 0);
      if (found == null) {
        throw new Undecidable("discriminator path not resolved in slice " + slice.id + " " + path);
      }
      return found;
    }

    /**
     * Follows discriminator steps through children, type profiles and slices ({@code
     * extension('url')} picks the extension slice of that url); null if no single definition with a
     * fixed or pattern value (or, at the end, any definition) is found.
     */
    private CompiledElement resolveSteps(CompiledElement at, List<String> steps, int index) {
      if (index == steps.size()) {
        return at;
      }
      String step = steps.get(index);
      String extensionUrl = null;
      if (step.startsWith("extension('") && step.endsWith("')")) {
        extensionUrl = step.substring(11, step.length() - 2);
        step = "extension";
      } else if (step.contains("(")) {
        throw new Undecidable("discriminator path with function " + step);
      }
      CompiledElement next = at.children.get(step);
      String profile = singleTypeProfile(at);
      if (profile != null
          && (next == null
              || index == steps.size() - 1
                  && next.fixed == null
                  && next.pattern == null
                  && next.requiredCodes == null)) {
        // The slice's type profile (e.g. dk-core's CPR identifier) fixes what the slice does not.
        String name = step;
        CompiledElement fromProfile =
            compiled
                .profile(profile)
                .map(definition -> definition.root.children.get(name))
                .orElse(null);
        if (fromProfile != null) {
          next = fromProfile;
        }
      }
      if (next == null) {
        return null;
      }
      List<CompiledElement> candidates = new ArrayList<>();
      for (CompiledElement slice : next.slices) {
        if (extensionUrl != null && !extensionUrl.equals(singleTypeProfile(slice))) {
          continue;
        }
        CompiledElement resolved = resolveSteps(slice, steps, index + 1);
        if (resolved != null
            && (resolved.fixed != null
                || resolved.pattern != null
                || resolved.requiredCodes != null)) {
          candidates.add(resolved);
        }
      }
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
      if (!candidates.isEmpty() || extensionUrl != null) {
        return null;
      }
      return resolveSteps(next, steps, index + 1);
    }

    private List<Base> evaluate(String path, Base item) {
      ExpressionNode parsed = discriminatorPaths.computeIfAbsent(path, compiled::parseInvariant);
      return engines.get().evaluate(this, item, item, item, parsed);
    }

    private boolean holds(Invariant invariant, Base value, Resource resource) {
      if (invariant.isNative()) {
        return switch (invariant.key()) {
          case "ext-1" -> !(value instanceof Extension x) || x.hasExtension() != x.hasValue();
          default -> true; // ele-1: empty elements were deferred above
        };
      }
      if (invariant.shortcut() != null) {
        Boolean decided = invariant.shortcut().decide(value);
        if (decided != null) {
          return decided;
        }
      }
      try {
        return engines.get().evaluateToBoolean(this, resource, resource, value, invariant.parsed());
      } catch (Undecidable e) {
        throw e;
      } catch (RuntimeException e) {
        throw new Undecidable(
            "invariant " + invariant.key() + " not evaluable (" + e.getMessage() + ")");
      }
    }

    private boolean reference(Reference reference, CompiledElement element, Resource resource) {
      if (!reference.hasReference()) {
        // A logical reference (identifier, display): nothing to resolve, its parts are walked.
        return true;
      }
      Resource target = resolve(reference.getReference());
      if (target == null) {
        if (resource != null && "Provenance".equals(resource.fhirType())) {
          return true; // tolerated by ValidationFindingPolicy
        }
        throw new Undecidable("reference that does not resolve in the Bundle");
      }
      List<String> targets = new ArrayList<>();
      for (TypeRefComponent type : element.types) {
        if ("Reference".equals(type.getWorkingCode())) {
          for (CanonicalType profile : type.getTargetProfile()) {
            targets.add(CompiledProfiles.stripVersion(profile.getValue()));
          }
        }
      }
      if (targets.isEmpty()) {
        return true;
      }
      String saved = failure;
      List<String> why = new ArrayList<>();
      for (String profile : targets) {
        if (profile.equals(BASE + "Resource") || profile.equals(BASE + "DomainResource")) {
          // any resource: the entry itself is checked against its own definition
          failure = saved;
          return true;
        }
        Optional<CompiledProfile> definition = compiled.profile(profile);
        if (definition.isEmpty()) {
          throw new Undecidable("target profile unknown");
        }
        failure = null;
        if (definition.get().type.equals(target.fhirType()) && conforms(target, profile)) {
          failure = saved;
          return true;
        }
        why.add(target.fhirType() + " vs " + profile + ": " + failure);
      }
      failure = saved;
      return fail("reference target conforms to no target profile at " + element.id + " " + why);
    }

    private void narrative(Narrative narrative) {
      if (!narrative.hasDiv()) {
        throw new Undecidable("narrative without div");
      }
      xhtml(narrative.getDiv(), true);
    }

    private void xhtml(XhtmlNode node, boolean root) {
      if (node.getNodeType() == NodeType.Text) {
        return;
      }
      if (node.getNodeType() != NodeType.Element && node.getNodeType() != NodeType.Document) {
        throw new Undecidable("narrative holds comments or instructions");
      }
      if (node.getNodeType() == NodeType.Element) {
        if (!SAFE_XHTML_ELEMENTS.contains(node.getName())
            || root && !"div".equals(node.getName())) {
          throw new Undecidable("narrative element outside the safe set: " + node.getName());
        }
        for (Map.Entry<String, String> attribute : node.getAttributes().entrySet()) {
          if ("a".equals(node.getName())
              && ("name".equals(attribute.getKey())
                      && NarrativeLinks.isAnchorName(attribute.getValue())
                  || "href".equals(attribute.getKey())
                      && NarrativeLinks.isSafeLink(attribute.getValue()))) {
            continue;
          }
          if (!SAFE_XHTML_ATTRIBUTES.contains(attribute.getKey())) {
            throw new Undecidable(
                "narrative attribute outside the safe set: " + attribute.getKey());
          }
        }
      }
      for (XhtmlNode child : node.getChildNodes()) {
        xhtml(child, false);
      }
    }

    private void checkInUnexpandedValueSet(Base value, String valueSet) {
      List<String[]> codes = new ArrayList<>();
      if (value instanceof Coding coding) {
        codes.add(new String[] {coding.getSystem(), coding.getCode()});
      } else if (value instanceof CodeableConcept concept) {
        concept.getCoding().forEach(c -> codes.add(new String[] {c.getSystem(), c.getCode()}));
      } else if (value instanceof PrimitiveType<?> primitive) {
        codes.add(new String[] {null, primitive.getValueAsString()});
      }
      for (String[] code : codes) {
        String key = valueSet + "|" + code[0] + "|" + code[1];
        if (codeValidity.computeIfAbsent(
            key, k -> validateInValueSet(code[0], code[1], valueSet))) {
          return;
        }
      }
      throw new Undecidable("code not shown to be in value set " + valueSet);
    }

    private boolean validateInValueSet(String system, String code, String valueSet) {
      IValidationSupport.CodeValidationResult result =
          compiled
              .chain()
              .validateCode(
                  compiled.supportContext(),
                  new ConceptValidationOptions().setInferSystem(system == null),
                  system,
                  code,
                  null,
                  valueSet);
      return result != null && result.isOk() && result.getSeverity() == null;
    }

    private void checkCodeSystem(Coding coding) {
      if (!coding.hasSystem() || !coding.hasCode()) {
        if (coding.hasCode()) {
          throw new Undecidable("code without system");
        }
        return;
      }
      String key = coding.getSystem() + "|" + coding.getCode();
      Boolean valid = codeValidity.computeIfAbsent(key, k -> validateCode(coding));
      if (!valid) {
        throw new Undecidable("code not valid in its code system");
      }
    }

    private boolean validateCode(Coding coding) {
      IValidationSupport chain = compiled.chain();
      if (!chain.isCodeSystemSupported(compiled.supportContext(), coding.getSystem())) {
        // HAPI warns about code systems it does not hold
        // (UnknownCodeSystemWarningValidationSupport)
        return compiled.chain().fetchCodeSystem(coding.getSystem()) == null;
      }
      IValidationSupport.CodeValidationResult result =
          chain.validateCode(
              compiled.supportContext(),
              new ConceptValidationOptions(),
              coding.getSystem(),
              coding.getCode(),
              null,
              null);
      return result != null && result.isOk();
    }
  }

  private static String singleTypeProfile(CompiledElement element) {
    if (element.severalTypeProfiles) {
      throw new Undecidable("several type profiles at " + element.id);
    }
    return element.typeProfile;
  }

  private static boolean typeAllowed(Base value, CompiledElement element) {
    if (element.typeCodes.isEmpty()) {
      return true;
    }
    // Outside choices the parser gives a primitive the base definition's type; profiles cannot
    // change it (R4 types Resource.id as a string with a System.String code).
    if (value.isPrimitive() && !element.choice) {
      return true;
    }
    String type = value.fhirType();
    if (element.typeCodes.contains(type)) {
      return true;
    }
    // HAPI names a backbone element by its path ("Bundle.entry").
    if (type.contains(".")
        && (element.typeCodes.contains("BackboneElement")
            || element.typeCodes.contains("Element"))) {
      return true;
    }
    if (value instanceof Resource
        && (element.typeCodes.contains("Resource")
            || element.typeCodes.contains("DomainResource"))) {
      return true;
    }
    // Element.id, Extension.url and the like are typed as FHIRPath system types.
    return value.isPrimitive()
        && element.typeCodes.stream().allMatch(t -> t.startsWith("http://hl7.org/fhirpath/"));
  }

  private static boolean sameValue(Base expected, Base actual) {
    if (expected.isPrimitive() || actual.isPrimitive()) {
      return expected.isPrimitive()
          && actual.isPrimitive()
          && expected.primitiveValue() != null
          && expected.primitiveValue().equals(actual.primitiveValue());
    }
    return expected.equalsDeep(actual);
  }

  /** FHIR pattern semantics: everything the pattern has, the value has (lists: some item each). */
  private static boolean matchesPattern(Base pattern, Base value) {
    if (pattern.isPrimitive()) {
      return sameValue(pattern, value);
    }
    if (!pattern.fhirType().equals(value.fhirType())) {
      return false;
    }
    for (Property property : pattern.children()) {
      if (!property.hasValues()) {
        continue;
      }
      List<Base> actual = value.getNamedProperty(property.getName()).getValues();
      for (Base wanted : property.getValues()) {
        if (actual.stream().noneMatch(a -> matchesPattern(wanted, a))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean inValueSet(Base value, Set<String> codes) {
    if (value instanceof Coding coding) {
      return codes.contains(coding.getSystem() + "|" + coding.getCode());
    }
    if (value instanceof CodeableConcept concept) {
      return concept.getCoding().stream()
          .anyMatch(c -> codes.contains(c.getSystem() + "|" + c.getCode()));
    }
    if (value instanceof PrimitiveType<?> primitive
        && Set.of("code", "uri", "string").contains(value.fhirType())) {
      return codes.contains("#" + primitive.getValueAsString());
    }
    throw new Undecidable("required binding on " + value.fhirType());
  }

  private static boolean primitiveFormatOk(PrimitiveType<?> primitive, CompiledElement element) {
    if (primitive instanceof Base64BinaryType binary) {
      // HAPI's model holds the decoded bytes and gives them back freshly encoded, which is valid
      // base64 whatever the text said; the text's own form is what the walk's other half checks
      // (the parsed way in compares it with that encoding, a built message is written from it).
      // So only emptiness is left to see here, without encoding a whole attachment again.
      return binary.getValue() == null ? primitive.hasExtension() : binary.getValue().length > 0;
    }
    // A resource's id may carry the base of its fullUrl in HAPI's model; the id itself is the part.
    String text = primitive instanceof IdType id ? id.getIdPart() : primitive.getValueAsString();
    if (text == null) {
      return primitive.hasExtension();
    }
    if (text.length() > 1_048_576) {
      return false;
    }
    switch (primitive.fhirType()) {
      case "string", "markdown" -> {
        // not empty, no surrounding whitespace (a finding of HAPI's for strings)
        return !text.isEmpty()
            && !Character.isWhitespace(text.charAt(0))
            && !Character.isWhitespace(text.charAt(text.length() - 1));
      }
      default -> {
        // below
      }
    }
    if (element.id.endsWith(".system")
        && URI_TYPES.contains(primitive.fhirType())
        && !PrimitiveFormats.isAbsoluteUri(text)) {
      return false; // HAPI: a system must be an absolute reference
    }
    if (text.startsWith("urn:oid:") && !PrimitiveFormats.OID.test(text)
        || text.startsWith("urn:uuid:") && !PrimitiveFormats.UUID.test(text)) {
      return false; // HAPI checks OIDs and UUIDs in any uri-like value
    }
    return PrimitiveFormats.of(primitive.fhirType())
        .orElseThrow(() -> new Undecidable("primitive type " + primitive.fhirType()))
        .test(text);
  }

  /** resolve(), conformsTo() and memberOf() for invariants, over the message being checked. */
  private static final class HostServices extends BaseHostServices {
    private final CompiledProfiles compiled;

    HostServices(CompiledProfiles compiled) {
      super(compiled.workerContext());
      this.compiled = compiled;
    }

    @Override
    public List<Base> resolveConstant(
        FHIRPathEngine engine,
        Object appContext,
        String name,
        FHIRPathConstantEvaluationMode mode) {
      return new ArrayList<>();
    }

    @Override
    public TypeDetails resolveConstantType(
        FHIRPathEngine engine,
        Object appContext,
        String name,
        FHIRPathConstantEvaluationMode mode) {
      return null;
    }

    @Override
    public boolean log(String argument, List<Base> focus) {
      return false;
    }

    @Override
    public Base resolveReference(
        FHIRPathEngine engine, Object appContext, String url, Base refContext) {
      Resource resource = ((Run) appContext).resolve(url);
      if (resource == null) {
        throw new Undecidable("invariant resolves a reference outside the Bundle");
      }
      return resource;
    }

    @Override
    public boolean conformsToProfile(
        FHIRPathEngine engine, Object appContext, Base item, String url) throws FHIRException {
      if (!(item instanceof Resource resource)) {
        throw new Undecidable("conformsTo on a non-resource");
      }
      Run run = (Run) appContext;
      String saved = run.failure;
      run.failure = null;
      boolean result = run.conforms(resource, CompiledProfiles.stripVersion(url));
      run.failure = result ? saved : "conformsTo(" + url + ") is false: " + run.failure;
      return result;
    }

    @Override
    public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
      Object valueSet = compiled.chain().fetchValueSet(url);
      if (!(valueSet instanceof ValueSet vs)) {
        throw new Undecidable("value set unknown " + url);
      }
      return vs;
    }

    @Override
    public boolean paramIsType(String name, int index) {
      return false;
    }
  }
}
