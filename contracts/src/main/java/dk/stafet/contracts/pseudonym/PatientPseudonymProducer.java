package dk.stafet.contracts.pseudonym;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the pseudonym injectable; the secret comes from {@code stafet.pseudonym.secret} (a
 * Kubernetes Secret in production).
 */
@ApplicationScoped
public class PatientPseudonymProducer {

  @Produces
  @ApplicationScoped
  PatientPseudonym patientPseudonym(
      @ConfigProperty(name = "stafet.pseudonym.secret") String secret) {
    return new PatientPseudonym(secret);
  }
}
