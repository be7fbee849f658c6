package dk.stafet.service.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * What a service's FHIR base serves, for its CapabilityStatement at {@code GET /fhir/metadata}
 * ({@link FhirMetadataResource}): each service has exactly one such bean, which starts from {@link
 * FhirServer#capabilityStatement} and adds exactly the resources, interactions, search parameters
 * and operations it serves.
 */
public interface FhirCapabilities {

  /**
   * @param baseUrl the FHIR base as the caller reached it
   */
  CapabilityStatement capabilities(String baseUrl);
}
