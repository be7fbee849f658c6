package dk.stafet.service.audit;

import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Whether the patient portal may read a patient by pseudonym: only for {@code stafet.patient-portal-lookup-validity}
 * after its own granted lookup of that patient by CPR number, which the API gateway let through only for the
 * citizen's own number. The gateway cannot check a pseudonym in a URL; tying the read to the lookup (its audit row)
 * keeps the portal's reach no wider than what the gateway checked (docs/security.md).
 */
@ApplicationScoped
public class PortalLookups {

  private final CallerRoles roles;
  private final AuditLog audit;

  public PortalLookups(CallerRoles roles, AuditLog audit) {
    this.roles = roles;
    this.audit = audit;
  }

  /** @param lookupAction the service's own audit action of the lookup, without the portal prefix */
  public boolean lookedUpRecently(String portalSor, String lookupAction, String patientKey) {
    return roles.isPatientPortal(portalSor) && audit.grantedSince(portalSor, CallerRoles.AS_PATIENT_PORTAL + lookupAction,
        patientKey, Instant.now().minus(roles.portalLookupValidity()));
  }
}
