package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionSlicingDiscriminatorComponent;
import org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.validation.instance.utils.FHIRPathExpressionFixer;

/**
 * MedCom's profiles (and the base R4 definitions they build on) compiled into check plans: the
 * "FHIR Schema" idea of compiling each StructureDefinition's snapshot once and validating by
 * walking the data. Each element of a snapshot becomes a {@link CompiledElement} holding its
 * cardinality, allowed types, fixed and pattern value, the codes of a required binding (expanded
 * once through the same support chain HAPI's validator uses), its slices with their discriminators
 * and its error-level FHIRPath invariants, parsed once.
 *
 * <p>Whatever the compiler cannot model exactly (a value set that does not expand, a discriminator
 * of another kind than value, pattern or type-of-$this, an invariant that does not parse) is kept
 * as a reason on the element: the {@link FastPathValidator} defers any message that reaches such an
 * element to HAPI's full validation. Profiles are compiled on first use and kept; the result is
 * immutable and shared by all threads.
 */
final class CompiledProfiles {

  /** The FHIR version HAPI's validator names when it mends invariant expressions. */
  private static final String FHIR_VERSION = "4.0.1";

  private final IValidationSupport chain;
  private final ValidationSupportContext supportContext;
  private final HapiWorkerContext workerContext;
  private final Map<String, Optional<CompiledProfile>> profiles = new ConcurrentHashMap<>();
  private final Map<String, Optional<CompiledProfile>> types = new ConcurrentHashMap<>();
  private final Map<String, Optional<Set<String>>> valueSets = new ConcurrentHashMap<>();
  private final FHIRPathEngine parser;

  CompiledProfiles(FhirContext fhirContext, IValidationSupport chain) {
    this.chain = chain;
    this.supportContext = new ValidationSupportContext(chain);
    this.workerContext = new HapiWorkerContext(fhirContext, chain);
    this.parser = new FHIRPathEngine(workerContext);
  }

  IValidationSupport chain() {
    return chain;
  }

  ValidationSupportContext supportContext() {
    return supportContext;
  }

  HapiWorkerContext workerContext() {
    return workerContext;
  }

  /** The compiled profile, or empty if the chain does not hold it (the caller defers). */
  Optional<CompiledProfile> profile(String url) {
    return profiles.computeIfAbsent(url, this::compile);
  }

  /** The base definition of a FHIR type (resource or datatype). */
  Optional<CompiledProfile> type(String typeCode) {
    return types.computeIfAbsent(
        typeCode,
        code ->
            profile(code.contains(":") ? code : "http://hl7.org/fhir/StructureDefinition/" + code));
  }

  private Optional<CompiledProfile> compile(String url) {
    StructureDefinition sd = fetch(url);
    if (sd == null || !sd.hasSnapshot()) {
      return Optional.empty();
    }
    return Optional.of(new CompiledProfile(this, sd));
  }

  private StructureDefinition fetch(String url) {
    Object resource = chain.fetchStructureDefinition(url);
    if (resource == null && url.contains("|")) {
      resource = chain.fetchStructureDefinition(url.substring(0, url.indexOf('|')));
    }
    return resource instanceof StructureDefinition sd ? sd : null;
  }

  /**
   * "system|code" and "#code" of every code in the expansion, or empty if the value set does not
   * expand.
   */
  Optional<Set<String>> expansion(String valueSetUrl) {
    return valueSets.computeIfAbsent(valueSetUrl, this::expand);
  }

  private Optional<Set<String>> expand(String url) {
    try {
      IValidationSupport.ValueSetExpansionOutcome outcome =
          chain.expandValueSet(supportContext, new ValueSetExpansionOptions(), url);
      if (outcome == null
          || outcome.getError() != null
          || !(outcome.getValueSet() instanceof ValueSet valueSet)) {
        return Optional.empty();
      }
      Set<String> codes = new HashSet<>();
      collect(valueSet.getExpansion().getContains(), codes);
      return codes.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(codes));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void collect(
      List<ValueSet.ValueSetExpansionContainsComponent> contains, Set<String> codes) {
    for (ValueSet.ValueSetExpansionContainsComponent c : contains) {
      if (c.hasCode() && !c.getAbstract() && !c.getInactive()) {
        codes.add(c.getSystem() + "|" + c.getCode());
        // A code-typed (or uri, string) element bound to the set carries the code alone.
        codes.add("#" + c.getCode());
      }
      collect(c.getContains(), codes);
    }
  }

  ExpressionNode parseInvariant(String expression) {
    synchronized (parser) {
      return parser.parse(expression);
    }
  }

  /** One StructureDefinition's snapshot as a tree of compiled elements. */
  static final class CompiledProfile {
    final String url;
    final String type;
    final CompiledElement root;

    CompiledProfile(CompiledProfiles compiler, StructureDefinition sd) {
      this.url = sd.getUrl();
      this.type = sd.getType();
      Map<String, CompiledElement> byId = new LinkedHashMap<>();
      CompiledElement first = null;
      for (ElementDefinition ed : sd.getSnapshot().getElement()) {
        String id = ed.hasId() ? ed.getId() : ed.getPath();
        CompiledElement element = new CompiledElement(compiler, ed);
        byId.put(id, element);
        if (first == null) {
          first = element;
          continue;
        }
        int sliceAt = id.lastIndexOf(':');
        int dotAt = id.lastIndexOf('.');
        if (sliceAt > dotAt) {
          // "X.extension:leave" is a slice of "X.extension"
          CompiledElement sliced = byId.get(id.substring(0, sliceAt));
          if (sliced == null) {
            element.notModelled("slice without its sliced element " + id);
            continue;
          }
          sliced.slices.add(element);
        } else if (dotAt > 0) {
          CompiledElement parent = byId.get(id.substring(0, dotAt));
          if (parent == null) {
            first.notModelled("element without parent " + id);
            continue;
          }
          parent.children.put(element.name, element);
        }
      }
      this.root = first;
    }
  }

  /** The checks of one element definition. */
  static final class CompiledElement {
    final String id;

    /** The last path step without "[x]". */
    final String name;

    final boolean choice;
    final int min;
    final int max;
    final List<TypeRefComponent> types;
    final Set<String> typeCodes = new HashSet<>();

    /** The one profile of the element's one type, if it has one. */
    final String typeProfile;

    /** More than one type profile: the walk defers (it checks against one). */
    final boolean severalTypeProfiles;

    final Base fixed;
    final Base pattern;

    /** Codes a required binding allows ("system|code"); null if no required binding. */
    final Set<String> requiredCodes;

    /** A required binding's value set that does not expand: codes are checked by the chain. */
    String unexpandedValueSet;

    final List<Invariant> invariants = new ArrayList<>();
    final Map<String, CompiledElement> children = new HashMap<>();
    final List<CompiledElement> slices = new ArrayList<>();

    /** Per discriminator path, the definition in this slice that fixes its value (found once). */
    final Map<String, CompiledElement> discriminatorTargets = new ConcurrentHashMap<>();

    final List<ElementDefinitionSlicingDiscriminatorComponent> discriminators;
    final boolean closedSlicing;
    final String sliceName;
    private String notModelled;

    CompiledElement(CompiledProfiles compiler, ElementDefinition ed) {
      this.id = ed.hasId() ? ed.getId() : ed.getPath();
      String path = ed.getPath();
      String last = path.substring(path.lastIndexOf('.') + 1);
      this.choice = last.endsWith("[x]");
      this.name = choice ? last.substring(0, last.length() - 3) : last;
      this.min = ed.getMin();
      this.max = "*".equals(ed.getMax()) ? Integer.MAX_VALUE : Integer.parseInt(ed.getMax());
      this.types = ed.getType();
      for (TypeRefComponent type : types) {
        typeCodes.add(type.getWorkingCode());
      }
      long profiled = types.stream().filter(TypeRefComponent::hasProfile).count();
      this.severalTypeProfiles =
          profiled > 0 && (types.size() != 1 || types.get(0).getProfile().size() > 1);
      this.typeProfile =
          profiled == 1 && !severalTypeProfiles
              ? stripVersion(types.get(0).getProfile().get(0).getValue())
              : null;
      this.fixed = ed.hasFixed() ? ed.getFixed() : null;
      this.pattern = ed.hasPattern() ? ed.getPattern() : null;
      this.sliceName = ed.hasSliceName() ? ed.getSliceName() : null;
      Set<String> codes = null;
      if (ed.hasBinding() && ed.getBinding().getStrength() == BindingStrength.REQUIRED) {
        String valueSet = ed.getBinding().getValueSet();
        Optional<Set<String>> expansion =
            valueSet == null ? Optional.empty() : compiler.expansion(stripVersion(valueSet));
        if (expansion.isPresent()) {
          codes = expansion.get();
        } else if (valueSet != null) {
          // e.g. mime types (urn:ietf:bcp:13): not enumerable, but the chain validates codes
          unexpandedValueSet = stripVersion(valueSet);
        } else {
          notModelled("required binding without value set");
        }
      }
      this.requiredCodes = codes;
      for (ElementDefinition.ElementDefinitionConstraintComponent constraint : ed.getConstraint()) {
        if (constraint.getSeverity() != ConstraintSeverity.ERROR) {
          continue;
        }
        Invariant invariant = Invariant.NATIVE.get(constraint.getKey());
        if (invariant != null && invariant.expression().equals(constraint.getExpression())) {
          invariants.add(invariant);
          continue;
        }
        if (!constraint.hasExpression()) {
          notModelled("invariant without expression " + constraint.getKey());
          continue;
        }
        // What HAPI's validator evaluates: it mends some published expressions first (ref-1
        // without its "reference.exists() implies", which a logical reference would fail).
        String expression =
            FHIRPathExpressionFixer.fixExpr(
                constraint.getExpression(), constraint.getKey(), FHIR_VERSION);
        try {
          ExpressionNode parsed = compiler.parseInvariant(expression);
          invariants.add(
              new Invariant(
                  constraint.getKey(),
                  expression,
                  parsed,
                  InvariantShortcuts.forConstraint(
                      constraint.getKey(), constraint.getExpression(), parsed)));
        } catch (RuntimeException e) {
          notModelled("invariant that does not parse " + constraint.getKey());
        }
      }
      if (ed.hasSlicing()) {
        this.discriminators = ed.getSlicing().getDiscriminator();
        this.closedSlicing = ed.getSlicing().getRules() == ElementDefinition.SlicingRules.CLOSED;
        for (ElementDefinitionSlicingDiscriminatorComponent d : discriminators) {
          boolean modelled =
              switch (d.getType()) {
                case VALUE, PATTERN -> true;
                case TYPE -> true;
                default -> false;
              };
          if (!modelled) {
            notModelled("slicing discriminator " + d.getType().toCode() + " " + d.getPath());
          }
        }
      } else {
        this.discriminators = List.of();
        this.closedSlicing = false;
      }
    }

    void notModelled(String reason) {
      if (notModelled == null) {
        notModelled = reason;
      }
    }

    /** Why this element cannot be checked by the fast path; null if it can. */
    String notModelled() {
      return notModelled;
    }

    boolean isSliced() {
      return !discriminators.isEmpty();
    }
  }

  /**
   * An error-level invariant. The commonest base invariants (ele-1, ext-1) are checked in Java;
   * their expression is compared with the definition's, so a differing one is evaluated instead.
   * Others may have a {@link InvariantShortcuts shortcut} that answers the plain cases without the
   * FHIRPath engine.
   */
  record Invariant(
      String key, String expression, ExpressionNode parsed, InvariantShortcuts.Shortcut shortcut) {
    static final Map<String, Invariant> NATIVE =
        Map.of(
            "ele-1",
            new Invariant("ele-1", "hasValue() or (children().count() > id.count())", null, null),
            "ext-1",
            new Invariant("ext-1", "extension.exists() != value.exists()", null, null));

    boolean isNative() {
      return parsed == null;
    }
  }

  static String stripVersion(String canonical) {
    int bar = canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
