package dk.stafet.contracts.medcom;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Java answers for the FHIRPath invariants the fast path evaluates most, each given only where the
 * expression's answer is plain; for any other value a shortcut answers {@code null} and the
 * expression is evaluated as before. Evaluating invariants with HAPI's FHIRPath engine was about
 * half of the fast path's CPU samples (session 15's profile at 30 letters/s: a GLN check digit as
 * 13 substrings and integer conversions, a regular expression compiled for every {@code matches()},
 * {@code ref-1} on every Reference, {@code org-1} on every Organization, the {@code dom-*} rules on
 * contained resources a MedCom message never has).
 *
 * <p>A named shortcut is attached only to a constraint whose key and published expression
 * (whitespace aside) are exactly the ones it was written for; the regular-expression shortcut to
 * any invariant that is nothing but {@code matches('…')} or {@code value.matches('…')}. {@code
 * InvariantShortcutsTest} proves each gives the engine's answer for every value it decides
 * (property-based, against HAPI's engine, over generated values), and the fast path's differential
 * test still finds no message it accepts that HAPI rejects.
 */
final class InvariantShortcuts {

  /** The invariant's result for a value, or null where only the expression can tell. */
  @FunctionalInterface
  interface Shortcut {
    Boolean decide(Base value);
  }

  /** Types whose value FHIRPath's string functions (matches, substring) read. */
  private static final String[] STRING_TYPES = {
    "string",
    "uri",
    "code",
    "oid",
    "id",
    "uuid",
    "sid",
    "markdown",
    "base64Binary",
    "canonical",
    "url",
    "xhtml"
  };

  private static final String REF_1 =
      "reference.startsWith('#').not() or (reference.substring(1).trace('url') in"
          + " %rootResource.contained.id.trace('ids'))";

  private static final String DOM_3 =
      "contained.where((('#'+id in (%resource.descendants().reference |"
          + " %resource.descendants().as(canonical) | %resource.descendants().as(uri) |"
          + " %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or"
          + " descendants().where(as(canonical) = '#').exists() or"
          + " descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched',"
          + " id).empty()";

  /** dk-core's GLN check digit, written for the value element itself (3.4.0) ... */
  private static final String GLN_CHECK_DIGIT = checkDigitExpression("");

  /** ... and for the element holding it (2.0.0). */
  private static final String GLN_CHECK_DIGIT_OF_VALUE = checkDigitExpression("value.");

  private static final Shortcut NO_CONTAINED =
      value -> value instanceof DomainResource resource && !resource.hasContained() ? true : null;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static final Map<String, Shortcut> BY_KEY_AND_EXPRESSION =
      Map.ofEntries(
          entry("ref-1", REF_1, InvariantShortcuts::localReferenceOrNone),
          entry("dom-2", "contained.contained.empty()", NO_CONTAINED),
          entry("dom-3", DOM_3, NO_CONTAINED),
          entry(
              "dom-4",
              "contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()",
              NO_CONTAINED),
          entry("dom-5", "contained.meta.security.empty()", NO_CONTAINED),
          entry(
              "org-1",
              "(identifier.count() + name.count()) > 0",
              InvariantShortcuts::identifiedOrNamed),
          entry("gln-modulus-10", GLN_CHECK_DIGIT, InvariantShortcuts::glnCheckDigit),
          entry("gln-modulus-10", GLN_CHECK_DIGIT_OF_VALUE, value -> glnCheckDigit(child(value))),
          // The core Bundle rules, each decided where a message Bundle makes the answer plain
          // (session 19: with the rest below, ~40 % of the engine's time in the fast path).
          entry(
              "bdl-1",
              "total.empty() or (type = 'searchset') or (type = 'history')",
              value -> value instanceof Bundle && absent(value, "total") ? true : null),
          entry(
              "bdl-2",
              "entry.search.empty() or (type = 'searchset')",
              value -> noEntryHas(value, "search")),
          entry(
              "bdl-3",
              "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type ="
                  + " 'transaction' or %resource.type = 'history'))",
              value -> isMessage(value) ? noEntryHas(value, "request") : null),
          entry(
              "bdl-4",
              "entry.all(response.exists() = (%resource.type = 'batch-response' or"
                  + " %resource.type = 'transaction-response' or %resource.type = 'history'))",
              value -> isMessage(value) ? noEntryHas(value, "response") : null),
          entry(
              "bdl-5",
              "resource.exists() or request.exists() or response.exists()",
              value ->
                  value instanceof Bundle.BundleEntryComponent entry
                      ? !absent(entry, "resource")
                          || !absent(entry, "request")
                          || !absent(entry, "response")
                      : null),
          entry(
              "bdl-7",
              "(type = 'history') or"
                  + " entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()",
              InvariantShortcuts::fullUrlsDistinct),
          // Published so; HAPI's expression fixer makes it "fullUrl.exists() implies …", which is
          // what the fast path evaluates and the shortcut answers.
          entry(
              "bdl-8",
              "fullUrl.contains('/_history/').not()",
              InvariantShortcuts::fullUrlWithoutHistory),
          entry(
              "bdl-9",
              "type = 'document' implies (identifier.system.exists() and"
                  + " identifier.value.exists())",
              InvariantShortcuts::notADocument),
          entry(
              "bdl-10",
              "type = 'document' implies (timestamp.hasValue())",
              InvariantShortcuts::notADocument),
          entry(
              "bdl-11",
              "type = 'document' implies entry.first().resource.is(Composition)",
              InvariantShortcuts::notADocument),
          entry(
              "bdl-12",
              "type = 'message' implies entry.first().resource.is(MessageHeader)",
              InvariantShortcuts::headerFirstIfMessage),
          entry(
              "cpt-2",
              "value.empty() or system.exists()",
              value ->
                  value instanceof ContactPoint point
                          && (absent(point, "value") || point.getSystem() != null)
                      ? true
                      : null),
          entry(
              "dk-core-organization-mandatory-identifier",
              "identifier.where(system='urn:oid:1.2.208.176.1.1' or"
                  + " system='https://kombit.dk/sts/organisation' or"
                  + " system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()",
              InvariantShortcuts::danishOrganisationIdentifier),
          entry(
              "medcom-messaging-2",
              "entry.resource.ofType(Provenance).exists()",
              value ->
                  entries(value).stream()
                          .anyMatch(e -> e.getResource() instanceof Provenance p && !p.isEmpty())
                      ? true
                      : null),
          entry(
              "medcom-hospitalNotification-2",
              "entry.where(resource.is(Patient)).count() = 1",
              InvariantShortcuts::onePatient),
          entry(
              "medcom-careCommunication-2",
              "entry.where(resource.is(Patient)).count() = 1",
              InvariantShortcuts::onePatient));

  /** The systems dk-core names for a Danish organisation's identifier (SOR, KOMBIT, EAN/GLN). */
  private static final List<String> DANISH_ORGANISATION_SYSTEMS =
      List.of(
          "urn:oid:1.2.208.176.1.1",
          "https://kombit.dk/sts/organisation",
          "urn:oid:2.16.840.1.113883.2.24.1.1");

  private InvariantShortcuts() {}

  private static Map.Entry<String, Shortcut> entry(
      String key, String expression, Shortcut shortcut) {
    return Map.entry(key + "\n" + withoutWhitespace(expression), shortcut);
  }

  /**
   * The shortcut for one constraint, or null if it has none.
   *
   * @param expression the expression as published (before HAPI's fixes to it)
   * @param parsed the expression the fast path evaluates otherwise
   */
  static Shortcut forConstraint(String key, String expression, ExpressionNode parsed) {
    Shortcut known = BY_KEY_AND_EXPRESSION.get(key + "\n" + withoutWhitespace(expression));
    return known != null ? known : regularExpression(parsed);
  }

  /**
   * {@code matches('…')} on the value, or {@code value.matches('…')} on the element holding it:
   * MedCom's and dk-core's identifier formats (CPR, GLN, SOR, CVR, UUIDs). The literal is taken
   * from the parsed expression, so FHIRPath's escapes are read by FHIRPath's own parser.
   */
  private static Shortcut regularExpression(ExpressionNode parsed) {
    if (parsed == null) {
      return null;
    }
    boolean ofValue =
        parsed.getKind() == ExpressionNode.Kind.Name
            && "value".equals(parsed.getName())
            && parsed.getInner() != null;
    ExpressionNode call = ofValue ? parsed.getInner() : parsed;
    if (call.getKind() != ExpressionNode.Kind.Function
        || call.getFunction() != ExpressionNode.Function.Matches
        || call.getInner() != null
        || call.getOperation() != null
        || call.getParameters().size() != 1
        || call.getParameters().get(0).getKind() != ExpressionNode.Kind.Constant
        || !(call.getParameters().get(0).getConstant() instanceof PrimitiveType<?> literal)
        || !"string".equals(literal.fhirType())
        || parsed.getOperation() != null) {
      return null;
    }
    String regex = literal.primitiveValue();
    if (regex == null || regex.isEmpty()) {
      return null;
    }
    // What the engine's matches() does: the whole text, '.' matching line ends too, found anywhere.
    Pattern pattern = Pattern.compile("(?s)" + regex);
    return value -> {
      Base text = ofValue ? child(value) : value;
      if (!(text instanceof PrimitiveType<?> primitive) || !primitive.hasType(STRING_TYPES)) {
        return null;
      }
      String string = primitive.primitiveValue();
      return string == null || string.isEmpty() ? null : pattern.matcher(string).find();
    };
  }

  /**
   * ref-1 as HAPI evaluates it ({@code reference.exists() implies (reference = '#' or …)}): true
   * without a reference, for "#" and for any reference that is not local; a local one is looked up
   * by the expression.
   */
  private static Boolean localReferenceOrNone(Base value) {
    if (!(value instanceof Reference reference)) {
      return null;
    }
    String text = reference.getReference();
    if (text == null) {
      // No reference at all; one that has only extensions is left to the expression.
      return reference.getNamedProperty("reference").hasValues() ? null : true;
    }
    return text.equals("#") || !text.startsWith("#") ? true : null;
  }

  /**
   * org-1: true for an Organization with an identifier or a name that holds something; one whose
   * only identifiers are empty is counted by the expression.
   */
  private static Boolean identifiedOrNamed(Base value) {
    return value instanceof Organization organization
            && (organization.hasIdentifier() || organization.hasName())
        ? true
        : null;
  }

  /**
   * The published GLN rule as HAPI's engine evaluates it: (10 − Σ digit × weight mod 10) mod 10 =
   * the 13th digit, weights 1,3,1,… (GS1's check digit); decided only when the first 13 characters
   * are digits (anything else: the expression).
   */
  private static Boolean glnCheckDigit(Base value) {
    if (!(value instanceof PrimitiveType<?> primitive) || !primitive.hasType(STRING_TYPES)) {
      return null;
    }
    String gln = primitive.primitiveValue();
    if (gln == null || gln.length() < 13) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      char c = gln.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      if (i < 12) {
        sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
      }
    }
    return (10 - sum % 10) % 10 == gln.charAt(12) - '0';
  }

  /**
   * What {@code value} navigates to: an element's one child called value (an Identifier's value),
   * or, on a primitive, the primitive itself (as HAPI's engine does; dk-core 2.0.0 writes {@code
   * value.matches(…)} on Identifier.value); null where that is not one element.
   */
  private static Base child(Base element) {
    if (element == null) {
      return null;
    }
    if (element.isPrimitive()) {
      return element;
    }
    Property property = element.getNamedProperty("value");
    if (property == null) {
      return null;
    }
    List<Base> values = property.getValues();
    return values.size() == 1 ? values.get(0) : null;
  }

  /**
   * Nothing called {@code name} that FHIRPath's {@code empty()} would count: no element, or only
   * empty ones (the engine's {@code exists()} and {@code empty()} skip elements with neither a
   * value nor children). Read through the property, since HAPI's getters create what they are asked
   * for.
   */
  private static boolean absent(Base element, String name) {
    Property property = element.getNamedProperty(name);
    return property == null
        || property.getValues().stream().allMatch(value -> value == null || value.isEmpty());
  }

  private static List<Bundle.BundleEntryComponent> entries(Base value) {
    return value instanceof Bundle bundle && bundle.hasEntry() ? bundle.getEntry() : List.of();
  }

  /** True if no entry of the Bundle has an element {@code name}; otherwise left to the rule. */
  private static Boolean noEntryHas(Base value, String name) {
    return value instanceof Bundle && entries(value).stream().allMatch(entry -> absent(entry, name))
        ? true
        : null;
  }

  private static boolean isMessage(Base value) {
    return value instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.MESSAGE;
  }

  /** {@code type = 'document' implies …}: true when the type is known and another one. */
  private static Boolean notADocument(Base value) {
    if (!(value instanceof Bundle bundle)) {
      return null;
    }
    Bundle.BundleType type = bundle.getType();
    return type != null && type != Bundle.BundleType.NULL && type != Bundle.BundleType.DOCUMENT
        ? true
        : null;
  }

  /** bdl-12: a message whose first entry is a MessageHeader, or a Bundle of another known type. */
  private static Boolean headerFirstIfMessage(Base value) {
    if (!isMessage(value)) {
      return notADocument(value) != null ? true : null; // of a known type, and not a message
    }
    List<Bundle.BundleEntryComponent> entries = entries(value);
    return !entries.isEmpty() && entries.get(0).getResource() instanceof MessageHeader
        ? true
        : null;
  }

  /**
   * bdl-7: every entry has a fullUrl with a value and its resource no version id, and the fullUrls
   * differ; anything else (a repeated fullUrl, a version id, a fullUrl of extensions) is left to
   * the rule.
   */
  private static Boolean fullUrlsDistinct(Base value) {
    if (!(value instanceof Bundle)) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    for (Bundle.BundleEntryComponent entry : entries(value)) {
      String fullUrl = entry.hasFullUrlElement() ? entry.getFullUrlElement().getValue() : null;
      Resource resource = entry.getResource();
      if (fullUrl == null
          || resource != null && resource.hasMeta() && !absent(resource.getMeta(), "versionId")
          || !seen.add(fullUrl)) {
        return null;
      }
    }
    return true;
  }

  /** bdl-8: no fullUrl at all, or one whose value does not contain /_history/. */
  private static Boolean fullUrlWithoutHistory(Base value) {
    if (!(value instanceof Bundle.BundleEntryComponent entry)) {
      return null;
    }
    if (absent(entry, "fullUrl")) {
      return true;
    }
    String fullUrl = entry.getFullUrlElement().getValue();
    return fullUrl == null ? null : !fullUrl.contains("/_history/");
  }

  private static Boolean danishOrganisationIdentifier(Base value) {
    if (!(value instanceof Organization organization) || !organization.hasIdentifier()) {
      return null;
    }
    for (Identifier identifier : organization.getIdentifier()) {
      String system =
          identifier.hasSystemElement() ? identifier.getSystemElement().getValue() : null;
      if (system != null && DANISH_ORGANISATION_SYSTEMS.contains(system)) {
        return true;
      }
    }
    return null;
  }

  private static Boolean onePatient(Base value) {
    return value instanceof Bundle
            && entries(value).stream().filter(e -> e.getResource() instanceof Patient).count() == 1
        ? true
        : null;
  }

  /** The published rule, whitespace removed; {@code of} is "" or "value.". */
  private static String checkDigitExpression(String of) {
    StringBuilder sum = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      sum.append(i == 0 ? "(" : "+(")
          .append(of)
          .append("substring(")
          .append(i)
          .append(",1).toInteger()*")
          .append(i % 2 == 0 ? 1 : 3)
          .append(')');
    }
    return "(((10-(" + sum + ")mod(10))mod(10))=" + of + "substring(12,1).toInteger())";
  }

  /** Published expressions differ in line breaks and spaces only where they mean nothing. */
  private static String withoutWhitespace(String expression) {
    return WHITESPACE.matcher(expression).replaceAll("");
  }
}
