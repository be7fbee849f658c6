package dk.stafet.responsibility.security;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who may read or act on a patient's responsibility data. Every check writes an audit row, granted
 * or denied.
 *
 * <ul>
 *   <li><b>Involved</b> organisations — the current or any earlier PRD holder in the ledger, the
 *       listed GP, the municipality of residence (also of a patient without a listed GP), any
 *       organisation named in the patient's course facts (course owners, referrers, receivers, the
 *       acute function), the proposer or receiver of a handover (a receiver must see the patient to
 *       answer), and the author and every activity owner of a shared care plan (C10) — may read and
 *       act ({@link #requireReadable}, {@link #requireInvolved}); audited under the plain action,
 *       e.g. {@code ledger}.
 *   <li><b>Course coordinators</b> ({@link CallerRoles#isCoordinator}) may read any known patient
 *       ({@link #requireReadable}, {@link #requireLookup}, {@link #requireWhoToCall}), but act only
 *       where they are involved ({@link #requireInvolved}); their reads are audited as {@value
 *       #AS_COORDINATOR}{@code <action>} so reads not justified by involvement can be reviewed on
 *       their own.
 *   <li><b>The patient portal</b> ({@link CallerRoles#isPatientPortal}) may look up by CPR number
 *       ({@link #requireLookup}) and read the who-to-call ({@link #requireWhoToCall}) of the ONE
 *       citizen its token names (the token carries the citizen's pseudonym; the CPR number must map
 *       to it), read the citizen's shared care plans and choose their case manager ({@link
 *       #requireCitizenReadable}, {@link #requireInvolvedOrCitizen}). Nothing else. Audited as
 *       {@value #AS_PATIENT_PORTAL}{@code <action>}.
 * </ul>
 *
 * Everyone else, and every caller for an unknown patient, gets 404.
 */
@ApplicationScoped
public class PatientAccess {

  /** Audit-action prefix of a coordinator's read, e.g. {@code READ_AS_COORDINATOR:ledger}. */
  public static final String AS_COORDINATOR = CallerRoles.AS_COORDINATOR;

  /**
   * Audit-action prefix of the patient portal's read, e.g. {@code READ_AS_PATIENT_PORTAL:lookup}.
   */
  public static final String AS_PATIENT_PORTAL = CallerRoles.AS_PATIENT_PORTAL;

  private static final String LOOKUP = "lookup";

  private static final String INVOLVED =
      """
      SELECT EXISTS (SELECT 1 FROM patient WHERE patient_key = :p AND (listed_gp_sor = :o OR municipality_sor = :o))
          OR EXISTS (SELECT 1 FROM ledger_entry WHERE patient_key = :p AND holder_sor = :o)
          OR EXISTS (SELECT 1 FROM course_fact WHERE patient_key = :p AND (organisation_sor = :o OR counterpart_sor = :o))
          OR EXISTS (SELECT 1 FROM handover WHERE patient_key = :p AND (proposer_sor = :o OR receiver_sor = :o))
          OR EXISTS (SELECT 1 FROM care_plan WHERE patient_key = :p AND author_sor = :o)
          OR EXISTS (SELECT 1 FROM care_plan_activity WHERE patient_key = :p AND owner_sor = :o)
      """;

  private static final String KNOWN =
      "SELECT EXISTS (SELECT 1 FROM patient WHERE patient_key = :p)";

  /** What a check lets through besides involvement. */
  private enum Allow {
    INVOLVED_ONLY,
    COORDINATOR,
    COORDINATOR_AND_PORTAL_LOOKUP,
    COORDINATOR_AND_PORTAL_AFTER_LOOKUP,
    INVOLVED_AND_PORTAL
  }

  private final EntityManager em;
  private final Caller caller;
  private final CallerRoles roles;
  private final AuditLog audit;

  public PatientAccess(EntityManager em, Caller caller, CallerRoles roles, AuditLog audit) {
    this.em = em;
    this.caller = caller;
    this.roles = roles;
    this.audit = audit;
  }

  /**
   * A read of the patient's data (ledger, responsibility, FHIR): involved organisations and
   * coordinators.
   *
   * @return the caller's SOR code
   * @throws PatientNotFoundException if the patient is unknown or the caller may not see it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireReadable(String patientKey, String action) {
    return check(patientKey, action, Allow.COORDINATOR);
  }

  /**
   * Lookup by CPR number: involved organisations, coordinators, and the patient portal for its own
   * citizen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireLookup(String patientKey) {
    return check(patientKey, LOOKUP, Allow.COORDINATOR_AND_PORTAL_LOOKUP);
  }

  /**
   * Who to call: involved organisations, coordinators, and the patient portal for its own citizen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireWhoToCall(String patientKey, String action) {
    return check(patientKey, action, Allow.COORDINATOR_AND_PORTAL_AFTER_LOOKUP);
  }

  /**
   * A read the citizen may make about themself (the shared care plans): involved organisations,
   * coordinators, and the patient portal for its own citizen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireCitizenReadable(String patientKey, String action) {
    return check(patientKey, action, Allow.COORDINATOR_AND_PORTAL_AFTER_LOOKUP);
  }

  /**
   * A command the citizen may give about themself (choosing the case manager of a shared care plan,
   * C10): the staff of involved organisations, and the patient portal for its own citizen.
   *
   * @return the caller's SOR code (the portal's own, for the citizen)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireInvolvedOrCitizen(String patientKey, String action) {
    return check(patientKey, action, Allow.INVOLVED_AND_PORTAL);
  }

  /** True when the caller is the patient portal (acting for the citizen its token names). */
  public boolean callerIsPatientPortal() {
    return caller.organisation().map(roles::isPatientPortal).orElse(false);
  }

  /**
   * A command on the patient (propose or answer a handover, name the doctor): involved
   * organisations only. A coordinator's role lets it read, not act for a holder; the domain's own
   * checks (R23, R27) come after this.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireInvolved(String patientKey, String action) {
    return check(patientKey, action, Allow.INVOLVED_ONLY);
  }

  public boolean isInvolved(String sor, String patientKey) {
    return exists(
        em.createNativeQuery(INVOLVED)
            .setParameter("p", patientKey)
            .setParameter("o", sor)
            .getSingleResult());
  }

  private String check(String patientKey, String action, Allow allow) {
    if (allow == Allow.INVOLVED_AND_PORTAL) {
      String portal = caller.requireOrganisation();
      if (roles.isPatientPortal(portal)) {
        boolean own = roles.isPortalFor(portal, patientKey) && isKnown(patientKey);
        audit.record(portal, AS_PATIENT_PORTAL + action, patientKey, own);
        if (!own) {
          throw new PatientNotFoundException();
        }
        return portal;
      }
      allow = Allow.INVOLVED_ONLY;
    }
    String sor =
        allow == Allow.INVOLVED_ONLY
            // Commands are for the staff of care organisations; coordinators, the portal, the
            // register feed and the
            // security officer read at most (403 whatever the patient, so nothing about it is
            // revealed).
            ? caller.requireRole(
                StafetRole.STAFF, "acting on a patient's responsibility (" + action + ")")
            : caller.requireOrganisation();
    String audited = action;
    boolean granted;
    if (allow != Allow.INVOLVED_ONLY && roles.isCoordinator(sor)) {
      audited = AS_COORDINATOR + action;
      granted = isKnown(patientKey);
    } else if (roles.isPatientPortal(sor)
        && allow != Allow.INVOLVED_ONLY
        && allow != Allow.COORDINATOR) {
      // Only the citizen its token names (by pseudonym), by CPR-number lookup or by key.
      audited = AS_PATIENT_PORTAL + action;
      granted = roles.isPortalFor(sor, patientKey) && isKnown(patientKey);
    } else {
      granted = isInvolved(sor, patientKey);
    }
    audit.record(sor, audited, patientKey, granted);
    if (!granted) {
      throw new PatientNotFoundException();
    }
    return sor;
  }

  private boolean isKnown(String patientKey) {
    return exists(em.createNativeQuery(KNOWN).setParameter("p", patientKey).getSingleResult());
  }

  private static boolean exists(Object result) {
    return Boolean.TRUE.equals(result);
  }
}
