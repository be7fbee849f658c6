package dk.stafet.responsibility.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One shared R4 FhirContext: thread-safe and expensive to create (HAPI javadoc). */
@ApplicationScoped
public class FhirContextProducer {

  @Produces
  @ApplicationScoped
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }
}
