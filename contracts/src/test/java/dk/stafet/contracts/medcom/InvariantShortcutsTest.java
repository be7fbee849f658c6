package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
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

  @Provide
  Arbitrary<Integer> identifierCounts() {
    return Arbitraries.integers().between(0, 2);
  }

  @AfterContainer
  static void everyFamilyWasMostlyDecidedByItsShortcut() {
    System.out.println("invariant shortcuts, decided of tried: " + DECIDED + " of " + TRIED);
    assertThat(TRIED.keySet()).containsExactlyInAnyOrder("matches", "gln", "ref-1", "dom", "org-1");
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
