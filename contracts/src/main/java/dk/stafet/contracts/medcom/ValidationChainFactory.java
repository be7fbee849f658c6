package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Builds one fully offline validator per profile set. Everything expensive (reading ~100
 * conformance resources, the support chain and its caches, the worker context) is built once here
 * and reused for every message.
 */
final class ValidationChainFactory {

  private final FhirContext fhirContext;
  private final DefaultProfileValidationSupport coreDefinitions;

  private final int maxUsesPerInstanceValidator;

  /**
   * One instance of each definition text while definitions are loaded (see {@link
   * ValidationOnlyDefinitions}); null when definitions are kept as they are.
   */
  private final Map<String, String> sharedText;

  /**
   * @param trimDefinitions drop what no validation reads from every definition (see {@link
   *     ValidationOnlyDefinitions}); false only for the test that proves this changes nothing
   */
  ValidationChainFactory(
      FhirContext fhirContext, int maxUsesPerInstanceValidator, boolean trimDefinitions) {
    this.fhirContext = fhirContext;
    this.maxUsesPerInstanceValidator = maxUsesPerInstanceValidator;
    this.sharedText = trimDefinitions ? new HashMap<>() : null;
    DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(fhirContext);
    this.coreDefinitions =
        trimDefinitions ? ValidationOnlyDefinitions.trimmedCore(core, sharedText) : core;
  }

  /** Base FHIR R4 only: used when no profiles folder is available. */
  DirectInstanceValidator baseValidator() {
    // Claimed MedCom profiles are unknown here; that is the documented "profile validation
    // disabled" mode.
    return validatorFor(chainOf(List.of()), false);
  }

  DirectInstanceValidator profileValidator(Path profilesRoot, ProfileSet set) {
    return profileValidator(profileChain(profilesRoot, set));
  }

  DirectInstanceValidator profileValidator(ValidationSupportChain chain) {
    return validatorFor(chain, true);
  }

  /**
   * The support chain of one profile set: HAPI's validator and the compiled fast path share it, so
   * both see the same profiles, value sets and code systems.
   */
  ValidationSupportChain profileChain(Path profilesRoot, ProfileSet set) {
    PrePopulatedValidationSupport medcomResources = new PrePopulatedValidationSupport(fhirContext);
    for (String folder : set.folders()) {
      loadFolder(profilesRoot.resolve(folder), medcomResources);
    }
    List<IValidationSupport> leading = new ArrayList<>();
    if (set.stripsCoreVersionPins()) {
      leading.add(new CoreVersionPinStripper(coreDefinitions));
    }
    leading.add(medcomResources);
    return chainOf(leading);
  }

  ValidationSupportChain chainOf(List<IValidationSupport> leading) {
    List<IValidationSupport> supports = new ArrayList<>(leading);
    supports.add(coreDefinitions);
    supports.add(new CommonCodeSystemsTerminologyService(fhirContext));
    supports.add(new InMemoryTerminologyServerValidationSupport(fhirContext));
    // Only used if a profile arrives without a snapshot; every packaged MedCom profile has one.
    supports.add(new SnapshotGeneratingValidationSupport(fhirContext));
    // Code systems we do not hold (e.g. LPR, SNOMED) give a warning, not an error: we validate
    // offline.
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(fhirContext);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    supports.add(unknownCodeSystems);
    // Cache without expiry: the conformance resources never change while the process runs.
    ValidationSupportChain.CacheConfiguration cache =
        ValidationSupportChain.CacheConfiguration.defaultValues()
            .setCacheSize(20_000)
            .setCacheTimeout(java.time.Duration.ofDays(3650));
    return new ValidationSupportChain(cache, supports);
  }

  private DirectInstanceValidator validatorFor(
      ValidationSupportChain chain, boolean errorForUnknownProfiles) {
    return new DirectInstanceValidator(chain, errorForUnknownProfiles, maxUsesPerInstanceValidator);
  }

  private void loadFolder(Path folder, PrePopulatedValidationSupport target) {
    IParser parser = fhirContext.newJsonParser();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        IBaseResource resource = parser.parseResource(Files.readString(file));
        if (resource instanceof StructureDefinition sd && !sd.hasSnapshot()) {
          throw new IllegalStateException("Profile without snapshot: " + file.getFileName());
        }
        if (sharedText != null) {
          ValidationOnlyDefinitions.trim(resource, sharedText);
        }
        target.addResource(resource);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read MedCom profiles in " + folder, e);
    }
  }
}
