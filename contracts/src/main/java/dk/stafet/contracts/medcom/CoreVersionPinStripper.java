package dk.stafet.contracts.medcom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Messaging 4.0.2 refers to core types with a version pin, e.g. {@code
 * http://hl7.org/fhir/StructureDefinition/Organization|4.0.1}, which HAPI 8.8.1 cannot resolve (4
 * spurious errors per CareCommunication). We validate R4 = 4.0.1 only, so dropping the pin is
 * exact. Placed first in the set-B chain; answers only pinned core URLs and delegates them
 * unpinned.
 */
final class CoreVersionPinStripper implements IValidationSupport {

  private static final String CORE_PREFIX = "http://hl7.org/fhir/";
  private static final String R4_PIN = "|4.0.1";

  private final IValidationSupport coreDefinitions;

  CoreVersionPinStripper(IValidationSupport coreDefinitions) {
    this.coreDefinitions = coreDefinitions;
  }

  @Override
  public FhirContext getFhirContext() {
    return coreDefinitions.getFhirContext();
  }

  @Override
  public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
    return isPinnedCoreUrl(url) ? coreDefinitions.fetchResource(type, unpinned(url)) : null;
  }

  @Override
  public IBaseResource fetchStructureDefinition(String url) {
    return isPinnedCoreUrl(url) ? coreDefinitions.fetchStructureDefinition(unpinned(url)) : null;
  }

  @Override
  public IBaseResource fetchValueSet(String url) {
    return isPinnedCoreUrl(url) ? coreDefinitions.fetchValueSet(unpinned(url)) : null;
  }

  @Override
  public IBaseResource fetchCodeSystem(String url) {
    return isPinnedCoreUrl(url) ? coreDefinitions.fetchCodeSystem(unpinned(url)) : null;
  }

  @Override
  public String getName() {
    return "stafet-core-version-pin-stripper";
  }

  private static boolean isPinnedCoreUrl(String url) {
    return url != null && url.startsWith(CORE_PREFIX) && url.endsWith(R4_PIN);
  }

  private static String unpinned(String url) {
    return url.substring(0, url.length() - R4_PIN.length());
  }
}
