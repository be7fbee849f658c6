package dk.stafet.service.security;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.service.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Roles the caller has beyond involvement with a patient, from its verified token ({@link Caller}),
 * the same in every service:
 *
 * <ul>
 *   <li><b>course coordinators / patient advisors</b> ({@link StafetRole#COORDINATOR}): read any
 *       known patient's data and the coordinators' lists; their reads are audited as {@value
 *       #AS_COORDINATOR}{@code <action>} so reads not justified by involvement can be reviewed on
 *       their own. They act only where they are involved.
 *   <li><b>the patient portal</b> ({@link StafetRole#PATIENT_PORTAL}), "mit forløb": the data of
 *       the ONE citizen its token names (a pseudonym; {@link Caller#actsForCitizen}), nothing else.
 *       Audited as {@value #AS_PATIENT_PORTAL}{@code <action>}.
 * </ul>
 *
 * The {@code sor} parameters are the caller's own organisation (as the resources pass it on): a
 * role counts only for the organisation the token names.
 */
@ApplicationScoped
public class CallerRoles {

  /** Audit-action prefix of a coordinator's read, e.g. {@code READ_AS_COORDINATOR:ledger}. */
  public static final String AS_COORDINATOR = "READ_AS_COORDINATOR:";

  /**
   * Audit-action prefix of the patient portal's read, e.g. {@code READ_AS_PATIENT_PORTAL:lookup}.
   */
  public static final String AS_PATIENT_PORTAL = "READ_AS_PATIENT_PORTAL:";

  private final Caller caller;
  private final AuditLog audit;

  public CallerRoles(Caller caller, AuditLog audit) {
    this.caller = caller;
    this.audit = audit;
  }

  public boolean isCoordinator(String sor) {
    return hasRole(sor, StafetRole.COORDINATOR);
  }

  /**
   * For the coordinators' own pages (parked records, validation alarms): the caller's SOR code if
   * it is a coordinator; null otherwise, the refusal audited as {@code action} on {@code
   * resourceType}.
   *
   * @throws NotAuthenticatedException when the request carries no valid token
   */
  public String coordinatorOrAuditedRefusal(String action, String resourceType) {
    String sor = caller.requireOrganisation();
    if (isCoordinator(sor)) {
      return sor;
    }
    audit.denied(sor, action, null, resourceType, null);
    return null;
  }

  public boolean isPatientPortal(String sor) {
    return hasRole(sor, StafetRole.PATIENT_PORTAL);
  }

  /** The patient portal acting for exactly this citizen (the pseudonym its token carries). */
  public boolean isPortalFor(String sor, String patientKey) {
    return isPatientPortal(sor) && caller.actsForCitizen(patientKey);
  }

  /** The national register (CPR) feed: sets listed GPs and reports deaths for any patient. */
  public boolean isNationalRegister(String sor) {
    return hasRole(sor, StafetRole.NATIONAL_REGISTER);
  }

  public boolean isSecurityOfficer(String sor) {
    return hasRole(sor, StafetRole.SECURITY_OFFICER);
  }

  /**
   * The audit action for a read by this caller: prefixed when the read rests on a role rather than
   * involvement.
   */
  public String auditedAction(String sor, String action) {
    if (isCoordinator(sor)) {
      return AS_COORDINATOR + action;
    }
    return isPatientPortal(sor) ? AS_PATIENT_PORTAL + action : action;
  }

  private boolean hasRole(String sor, StafetRole role) {
    return sor != null && sor.equals(caller.organisation().orElse(null)) && caller.has(role);
  }
}
