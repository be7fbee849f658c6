package dk.stafet.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Roles an organisation has beyond involvement with a patient, from configuration, the same in every service:
 * <ul>
 *   <li><b>course coordinators / patient advisors</b> ({@code stafet.coordinator-sors}): read any known patient's data
 *       and the coordinators' lists; their reads are audited as {@value #AS_COORDINATOR}{@code <action>} so reads not
 *       justified by involvement can be reviewed on their own. They act only where they are involved.</li>
 *   <li><b>the patient portal</b> ({@code stafet.patient-portal-sors}), "mit forløb": the citizen's own data. The API
 *       gateway authenticated the citizen (MitID) and lets a lookup through only for the citizen's own CPR number; the
 *       services cannot check that and trust it. Audited as {@value #AS_PATIENT_PORTAL}{@code <action>}.</li>
 * </ul>
 */
@ApplicationScoped
public class CallerRoles {

  /** Audit-action prefix of a coordinator's read, e.g. {@code READ_AS_COORDINATOR:ledger}. */
  public static final String AS_COORDINATOR = "READ_AS_COORDINATOR:";
  /** Audit-action prefix of the patient portal's read, e.g. {@code READ_AS_PATIENT_PORTAL:lookup}. */
  public static final String AS_PATIENT_PORTAL = "READ_AS_PATIENT_PORTAL:";

  private final Set<String> coordinators;
  private final Set<String> patientPortals;
  private final Duration portalLookupValidity;

  @Inject
  public CallerRoles(
      @ConfigProperty(name = "stafet.coordinator-sors") Optional<List<String>> coordinators,
      @ConfigProperty(name = "stafet.patient-portal-sors") Optional<List<String>> patientPortals,
      @ConfigProperty(name = "stafet.patient-portal-lookup-validity", defaultValue = "PT30M") Duration portalLookupValidity) {
    this(coordinators.orElse(List.of()), patientPortals.orElse(List.of()), portalLookupValidity);
  }

  public CallerRoles(Collection<String> coordinators, Collection<String> patientPortals, Duration portalLookupValidity) {
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

  /** How long after a portal lookup by CPR number the portal may read that patient's data by patient key. */
  public Duration portalLookupValidity() {
    return portalLookupValidity;
  }

  /** The audit action for a read by this caller: prefixed when the read rests on a role rather than involvement. */
  public String auditedAction(String sor, String action) {
    if (isCoordinator(sor)) {
      return AS_COORDINATOR + action;
    }
    return isPatientPortal(sor) ? AS_PATIENT_PORTAL + action : action;
  }

  private static Set<String> trimmed(Collection<String> sors) {
    return Set.copyOf(sors.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
  }
}
