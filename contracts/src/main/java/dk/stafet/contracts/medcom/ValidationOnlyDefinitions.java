package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Makes the FHIR definitions a validator holds smaller without changing what they say about any
 * message. Two things, both done once while the definitions are loaded:
 *
 * <ul>
 *   <li>drops what documents a definition for people and other standards but no validation reads:
 *       the narrative ({@code text}; MedCom's resources have one, HAPI's core ones do not) and the
 *       mappings to RIM, v2, W5 and the like ({@code StructureDefinition.mapping}, {@code
 *       ElementDefinition.mapping});
 *   <li>keeps one instance of each text: the same invariants, paths, descriptions and URLs are
 *       parsed again for every element of every definition, and MedCom's snapshots repeat core's.
 * </ul>
 *
 * HAPI's validator holds every core definition twice (as R4 and as the R5 copy it works on, which
 * shares the R4 copy's texts), so on the front door this took the validator's live set from 281 to
 * 211 MB (docs/performance.md, "The live set, trimmed"). That HAPI says exactly the same about
 * every message with the trimmed definitions as with the full ones is proven by {@code
 * TrimmedDefinitionsEquivalenceTest}, over every MedCom example and a mutated corpus.
 */
final class ValidationOnlyDefinitions {

  private ValidationOnlyDefinitions() {}

  /**
   * Trims one resource in place; call before the resource is shared with a validator.
   *
   * @param sharedText one instance of each text already seen; equal texts (the same invariants,
   *     descriptions and URLs repeat in every element of every definition) are replaced by it
   */
  static void trim(IBaseResource resource, Map<String, String> sharedText) {
    if (resource instanceof DomainResource domainResource) {
      domainResource.setText(null);
    }
    if (resource instanceof StructureDefinition structure) {
      structure.setMapping(null);
      if (structure.hasSnapshot()) {
        structure.getSnapshot().getElement().forEach(ValidationOnlyDefinitions::trim);
      }
      if (structure.hasDifferential()) {
        structure.getDifferential().getElement().forEach(ValidationOnlyDefinitions::trim);
      }
    }
    if (resource instanceof Base base) {
      shareText(base, sharedText);
    }
  }

  @SuppressWarnings("unchecked")
  private static void shareText(Base base, Map<String, String> sharedText) {
    if (base instanceof PrimitiveType<?> primitive) {
      if (primitive.getValue() instanceof String text) {
        ((PrimitiveType<String>) primitive).setValue(sharedText.computeIfAbsent(text, t -> t));
      }
      return;
    }
    for (Property property : base.children()) {
      for (Base value : property.getValues()) {
        shareText(value, sharedText);
      }
    }
  }

  private static void trim(ElementDefinition element) {
    element.setMapping(null);
  }

  /**
   * Loads HAPI's core R4 definitions now and trims them where HAPI keeps them, so every later fetch
   * returns the trimmed instances. HAPI keeps them once per JVM (every {@link
   * DefaultProfileValidationSupport} shares one store), so this trims them for every user in the
   * process; trimming them again changes nothing. HAPI loads its structure definitions and its
   * terminology lazily, each on first use; both are forced here.
   */
  static DefaultProfileValidationSupport trimmedCore(
      DefaultProfileValidationSupport core, Map<String, String> sharedText) {
    core.fetchAllStructureDefinitions();
    core.fetchCodeSystem("http://hl7.org/fhir/administrative-gender");
    core.fetchAllConformanceResources().forEach(resource -> trim(resource, sharedText));
    return core;
  }
}
