package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.validation.instance.utils.FHIRPathExpressionFixer;

/**
 * Every invariant shortcut the fast path attaches to a real definition (MedCom's profiles and
 * HAPI's core) gives HAPI's FHIRPath engine's answer for every value it decides: generated values
 * of every kind the invariant meets, each evaluated both ways, in the context the fast path uses
 * (the expression as HAPI mends it, the value as focus, its resource as %resource and
 * %rootResource). Each family must also decide most of its values, so the shortcuts are really
 * used.
 */
class InvariantShortcutsTest {

  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final String EXTENSION = "http://example.org/x";
  private static final FHIRPathEngine ENGINE =
      new FHIRPathEngine(new HapiWorkerContext(R4, new DefaultProfileValidationSupport(R4)));
  private static final Map<String, Constraint> CONSTRAINTS = constraintsWithShortcuts();
  private static final Map<String, AtomicInteger> DECIDED = new LinkedHashMap<>();
  private static final Map<String, AtomicInteger> TRIED = new LinkedHashMap<>();

  private record Constraint(
      String key, String expression, ExpressionNode fixed, InvariantShortcuts.Shortcut shortcut) {}

  @Property(tries = 3000)
  void regularExpressionsAnswerAsTheEngine(@ForAll("texts") String text) {
    for (Constraint constraint : family(c -> c.expression().contains("matches("))) {
      // On the value itself, as a string, a code and a uri, and on an Identifier holding it.
      for (Base value :
          List.of(
              new StringType(text),
              new CodeType(text),
              new UriType(text),
              new IntegerType(7),
              new Identifier().setValue(text))) {
        assertSameAnswer("matches", constraint, value, new Patient());
      }
    }
  }

  @Property(tries = 3000)
  void glnCheckDigitAnswersAsTheEngine(@ForAll("glns") String gln) {
    for (Constraint constraint : family(c -> c.key().equals("gln-modulus-10"))) {
      for (Base value : List.of(new StringType(gln), new Identifier().setValue(gln))) {
        assertSameAnswer("gln", constraint, value, new Organization());
      }
    }
  }

  @Property(tries = 2000)
  void localReferencesAnswerAsTheEngine(
      @ForAll("references") String reference, @ForAll boolean containedTarget) {
    Patient resource = new Patient();
    if (containedTarget) {
      resource.addContained(new Organization().setId("org1"));
    }
    Reference value = new Reference();
    if (reference.equals("(extension only)")) {
      value.getReferenceElement_().addExtension("http://example.org/x", new StringType("x"));
    } else if (!reference.equals("(none)")) {
      value.setReference(reference);
    }
    for (Constraint constraint : family(c -> c.key().equals("ref-1"))) {
      assertSameAnswer("ref-1", constraint, value, resource);
    }
  }

  @Property(tries = 200)
  void resourcesWithoutContainedAnswerAsTheEngine(@ForAll boolean contained) {
    Patient resource = new Patient();
    if (contained) {
      resource.addContained(new Organization().setId("unreferenced"));
    }
    for (Constraint constraint : family(c -> c.key().startsWith("dom-"))) {
      assertSameAnswer("dom", constraint, resource, resource);
    }
  }

  @Property(tries = 500)
  void organisationsAnswerAsTheEngine(
      @ForAll("identifierCounts") int identifiers,
      @ForAll boolean emptyIdentifier,
      @ForAll boolean named) {
    Organization organization = new Organization();
    for (int i = 0; i < identifiers; i++) {
      organization.addIdentifier().setValue("id" + i);
    }
    if (emptyIdentifier) {
      organization.addIdentifier();
    }
    if (named) {
      organization.setName("Hospital");
    }
    for (Constraint constraint : family(c -> c.key().equals("org-1"))) {
      assertSameAnswer("org-1", constraint, organization, organization);
    }
  }

  private static final Set<String> BUNDLE_RULES =
      Set.of(
          "bdl-1",
          "bdl-2",
          "bdl-3",
          "bdl-4",
          "bdl-7",
          "bdl-9",
          "bdl-10",
          "bdl-11",
          "bdl-12",
          "medcom-messaging-2",
          "medcom-hospitalNotification-2",
          "medcom-careCommunication-2");

  /** A rule whose published text changes loses its shortcut silently; this says which. */
  @Example
  void everyRuleWrittenForFindsItsShortcutInTheDefinitions() {
    Set<String> keys = new HashSet<>(BUNDLE_RULES);
    keys.addAll(Set.of("bdl-5", "bdl-8", "cpt-2", "dk-core-organization-mandatory-identifier"));
    assertThat(CONSTRAINTS.values().stream().map(Constraint::key).toList()).containsAll(keys);
  }

  /**
   * The Bundle rules on Bundles of every type with entries of every shape (no resource, each kind
   * of resource, fullUrls repeated or with a version, with only an extension, requests, responses,
   * search), each rule on a fresh copy, since the engine's navigation may create what it reads.
   */
  @Property(tries = 3000)
  void bundlesAnswerAsTheEngine(@ForAll("bundles") Bundle bundle) {
    for (Constraint constraint : family(c -> BUNDLE_RULES.contains(c.key()))) {
      Bundle copy = bundle.copy();
      assertSameAnswer("bundle", constraint, copy, copy);
    }
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      for (Constraint constraint :
          family(c -> c.key().equals("bdl-5") || c.key().equals("bdl-8"))) {
        Bundle copy = bundle.copy();
        assertSameAnswer("entry", constraint, copy.getEntry().get(i), copy);
      }
    }
  }

  @Property(tries = 300)
  void contactPointsAnswerAsTheEngine(
      @ForAll("presence") String system, @ForAll("presence") String value) {
    ContactPoint point = new ContactPoint();
    switch (system) {
      case "value" -> point.setSystem(ContactPoint.ContactPointSystem.PHONE);
      case "extension" -> point.getSystemElement().addExtension(EXTENSION, new StringType("x"));
      default -> {}
    }
    switch (value) {
      case "value" -> point.setValue("12345678");
      case "extension" -> point.getValueElement().addExtension(EXTENSION, new StringType("x"));
      default -> {}
    }
    for (Constraint constraint : family(c -> c.key().equals("cpt-2"))) {
      assertSameAnswer("cpt-2", constraint, point, new Organization().addTelecom(point));
    }
  }

  @Property(tries = 1000)
  void danishOrganisationIdentifiersAnswerAsTheEngine(
      @ForAll("identifierSystems") List<String> systems) {
    Organization organization = new Organization();
    for (String system : systems) {
      Identifier identifier = organization.addIdentifier().setValue("123");
      if (system.equals("(extension only)")) {
        identifier.getSystemElement().addExtension(EXTENSION, new StringType("x"));
      } else if (!system.equals("(none)")) {
        identifier.setSystem(system);
      }
    }
    for (Constraint constraint :
        family(c -> c.key().equals("dk-core-organization-mandatory-identifier"))) {
      assertSameAnswer("dk-core organisation", constraint, organization, organization);
    }
  }

  @Provide
  Arbitrary<String> presence() {
    return Arbitraries.of("(none)", "value", "extension");
  }

  @Provide
  Arbitrary<List<String>> identifierSystems() {
    return Arbitraries.of(
            "(none)",
            "(extension only)",
            "urn:oid:1.2.208.176.1.1",
            "https://kombit.dk/sts/organisation",
            "urn:oid:2.16.840.1.113883.2.24.1.1",
            "urn:oid:1.2.208.176.1.2",
            "https://www.gs1.org/gln")
        .list()
        .ofMaxSize(3);
  }

  private record EntryShape(int resource, int fullUrl, int request, int response, int search) {}

  @Provide
  Arbitrary<Bundle> bundles() {
    Arbitrary<EntryShape> entries =
        Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1))
            .as(EntryShape::new);
    Arbitrary<String> types =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just("message")),
            Tuple.of(
                4,
                Arbitraries.of(
                    "document",
                    "searchset",
                    "history",
                    "batch",
                    "transaction",
                    "batch-response",
                    "collection",
                    "(none)",
                    "(extension only)")));
    return Combinators.combine(
            types,
            Arbitraries.integers().between(0, 2),
            entries.list().ofMaxSize(4).injectDuplicates(0.2))
        .as(InvariantShortcutsTest::bundle);
  }

  private static Bundle bundle(String type, int total, List<EntryShape> shapes) {
    Bundle bundle = new Bundle();
    switch (type) {
      case "(none)" -> {}
      case "(extension only)" ->
          bundle.getTypeElement().addExtension(EXTENSION, new StringType("x"));
      default -> bundle.setType(Bundle.BundleType.fromCode(type));
    }
    switch (total) {
      case 1 -> bundle.setTotal(3);
      case 2 -> bundle.getTotalElement().addExtension(EXTENSION, new StringType("x"));
      default -> {}
    }
    for (EntryShape shape : shapes) {
      Bundle.BundleEntryComponent entry = bundle.addEntry();
      Resource resource =
          switch (shape.resource()) {
            case 1 -> new MessageHeader();
            case 2 -> new Patient();
            case 3 -> new Provenance();
            case 4 -> new Organization().setName("Hospital");
            case 5 -> {
              Organization versioned = new Organization();
              versioned.getMeta().setVersionId("1");
              yield versioned;
            }
            case 6 -> new Composition();
            case 7 -> new Provenance().setRecorded(new Date(0));
            case 8 -> new Patient().setActive(true);
            default -> null;
          };
      entry.setResource(resource);
      switch (shape.fullUrl()) {
        case 1 -> entry.setFullUrl("urn:uuid:8c35ab0a-e4fb-4706-aa2d-ec19b1b8b034");
        case 2 -> entry.setFullUrl("https://example.org/fhir/Patient/" + bundle.getEntry().size());
        case 3 -> entry.setFullUrl("https://example.org/fhir/Patient/1/_history/2");
        case 4 -> entry.getFullUrlElement().addExtension(EXTENSION, new StringType("x"));
        default -> {}
      }
      switch (shape.request()) {
        case 1 -> entry.setRequest(new Bundle.BundleEntryRequestComponent());
        case 2 -> entry.getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/1");
        default -> {}
      }
      if (shape.response() == 1) {
        entry.getResponse().setStatus("200");
      }
      if (shape.search() == 1) {
        entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
      }
    }
    return bundle;
  }

  @Provide
  Arbitrary<Integer> identifierCounts() {
    return Arbitraries.integers().between(0, 2);
  }

  @AfterContainer
  static void everyFamilyWasMostlyDecidedByItsShortcut() {
    System.out.println("invariant shortcuts, decided of tried: " + DECIDED + " of " + TRIED);
    assertThat(TRIED.keySet())
        .containsExactlyInAnyOrder(
            "matches",
            "gln",
            "ref-1",
            "dom",
            "org-1",
            "bundle",
            "entry",
            "cpt-2",
            "dk-core organisation");
    for (String family : TRIED.keySet()) {
      assertThat(DECIDED.get(family).get()).as(family).isGreaterThan(TRIED.get(family).get() / 4);
    }
  }

  private static void assertSameAnswer(
      String family, Constraint constraint, Base value, Resource resource) {
    TRIED.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
    Boolean decided = constraint.shortcut().decide(value);
    if (decided == null) {
      return;
    }
    DECIDED.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
    boolean engine = ENGINE.evaluateToBoolean(null, resource, resource, value, constraint.fixed());
    assertThat(decided)
        .as(
            "%s %s on %s %s",
            constraint.key(),
            constraint.expression(),
            value.fhirType(),
            value instanceof Identifier i ? i.getValue() : value.primitiveValue())
        .isEqualTo(engine);
  }

  private static List<Constraint> family(java.util.function.Predicate<Constraint> member) {
    List<Constraint> members = CONSTRAINTS.values().stream().filter(member).toList();
    assertThat(members).isNotEmpty();
    return members;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> digits =
        Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(15);
    Arbitrary<String> uuids =
        Arbitraries.strings()
            .withChars("0123456789abcdefABCDEF-")
            .ofLength(36)
            .map(s -> "urn:uuid:" + s);
    Arbitrary<String> anything =
        Arbitraries.strings()
            .withChars("0123456789abcxyzBCDXYZ-:+#/ .\n\t")
            .ofMinLength(0)
            .ofMaxLength(20);
    Arbitrary<String> known =
        Arbitraries.of(
            "",
            "0101011234",
            "2902001234",
            "5790000121526",
            "urn:uuid:8c35ab0a-e4fb-4706-aa2d-ec19b1b8b034",
            "urn:uuid:8c35ab0a-e4fb-5706-aa2d-ec19b1b8b034",
            "http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/"
                + "MedComCareCommunicationMessageDefinition|5.0",
            "12345678",
            "+45 1234",
            "B2C4D");
    return Arbitraries.oneOf(digits, uuids, anything, known);
  }

  @Provide
  Arbitrary<String> glns() {
    Arbitrary<String> thirteen = Arbitraries.strings().withChars("0123456789").ofLength(13);
    Arbitrary<String> valid =
        Arbitraries.strings()
            .withChars("0123456789")
            .ofLength(12)
            .map(InvariantShortcutsTest::withCheckDigit);
    Arbitrary<String> other =
        Arbitraries.strings().withChars("0123456789x -").ofMinLength(0).ofMaxLength(16);
    return Arbitraries.oneOf(thirteen, valid, other);
  }

  @Provide
  Arbitrary<String> references() {
    return Arbitraries.of(
        "(none)",
        "(extension only)",
        "#",
        "#org1",
        "#other",
        "Organization/1",
        "urn:uuid:8c35ab0a-e4fb-4706-aa2d-ec19b1b8b034",
        "https://example.org/fhir/Patient/2",
        "");
  }

  /**
   * A GLN whose check digit is right by GS1's rule (which the published invariant misses for 0).
   */
  private static String withCheckDigit(String twelve) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return twelve + (10 - sum % 10) % 10;
  }

  private static Map<String, Constraint> constraintsWithShortcuts() {
    List<IBaseResource> definitions = new ArrayList<>();
    definitions.addAll(new DefaultProfileValidationSupport(R4).fetchAllStructureDefinitions());
    try (Stream<Path> files = Files.walk(MedcomExamples.profilesDir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        IBaseResource resource = R4.newJsonParser().parseResource(Files.readString(file));
        if (resource instanceof StructureDefinition) {
          definitions.add(resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Constraint> found = new LinkedHashMap<>();
    for (IBaseResource definition : definitions) {
      for (ElementDefinition element :
          ((StructureDefinition) definition).getSnapshot().getElement()) {
        for (ElementDefinition.ElementDefinitionConstraintComponent constraint :
            element.getConstraint()) {
          if (!constraint.hasExpression()) {
            continue;
          }
          String fixedText =
              FHIRPathExpressionFixer.fixExpr(
                  constraint.getExpression(), constraint.getKey(), "4.0.1");
          ExpressionNode fixed;
          try {
            fixed = ENGINE.parse(fixedText);
          } catch (RuntimeException e) {
            continue;
          }
          InvariantShortcuts.Shortcut shortcut =
              InvariantShortcuts.forConstraint(
                  constraint.getKey(), constraint.getExpression(), fixed);
          if (shortcut != null) {
            found.putIfAbsent(
                constraint.getKey() + " " + constraint.getExpression(),
                new Constraint(constraint.getKey(), constraint.getExpression(), fixed, shortcut));
          }
        }
      }
    }
    return found;
  }
}
