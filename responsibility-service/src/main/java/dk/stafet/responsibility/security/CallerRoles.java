package dk.stafet.responsibility.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Roles an organisation has beyond involvement with a patient, from configuration:
 * <ul>
 *   <li><b>course coordinators / patient advisors</b> ({@code stafet.handover.coordinator-sors}): read any patient's
 *       data (audited as {@value PatientAccess#AS_COORDINATOR}…) and the attention list;</li>
 *   <li><b>the patient portal</b> ({@code stafet.patient-portal-sors}): the citizen's own lookup by CPR number and
 *       who-to-call. The API gateway authenticated the citizen (MitID) and lets a lookup through only for the
 *       citizen's own CPR number; this service cannot check that and trusts it.</li>
 * </ul>
 */
@ApplicationScoped
public class CallerRoles {

  private final Set<String> coordinators;
  private final Set<String> patientPortals;
  private final Duration portalLookupValidity;

  public CallerRoles(
      @ConfigProperty(name = "stafet.handover.coordinator-sors") Optional<List<String>> coordinators,
      @ConfigProperty(name = "stafet.patient-portal-sors") Optional<List<String>> patientPortals,
      @ConfigProperty(name = "stafet.patient-portal-lookup-validity", defaultValue = "PT30M") Duration portalLookupValidity) {
    this.coordinators = trimmed(coordinators);
    this.patientPortals = trimmed(patientPortals);
    this.portalLookupValidity = portalLookupValidity;
  }

  public boolean isCoordinator(String sor) {
    return sor != null && coordinators.contains(sor);
  }

  public boolean isPatientPortal(String sor) {
    return sor != null && patientPortals.contains(sor);
  }

  /** How long after a portal lookup the portal may read that patient's who-to-call by patient key. */
  public Duration portalLookupValidity() {
    return portalLookupValidity;
  }

  private static Set<String> trimmed(Optional<List<String>> sors) {
    return Set.copyOf(sors.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
