package dk.stafet.responsibility.security;

import dk.stafet.responsibility.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who may read a patient's responsibility data: organisations involved with the patient — the current or any
 * earlier PRD holder in the ledger, the listed GP, any organisation named in the patient's course facts (course
 * owners, referrers, receivers, the acute function), and the proposer or receiver of a handover (a receiver must see
 * the patient to answer). Everyone else gets 404. Every check writes an audit row, granted or denied.
 */
@ApplicationScoped
public class PatientAccess {

  private static final String INVOLVED = """
      SELECT EXISTS (SELECT 1 FROM patient WHERE patient_key = :p AND listed_gp_sor = :o)
          OR EXISTS (SELECT 1 FROM ledger_entry WHERE patient_key = :p AND holder_sor = :o)
          OR EXISTS (SELECT 1 FROM course_fact WHERE patient_key = :p AND (organisation_sor = :o OR counterpart_sor = :o))
          OR EXISTS (SELECT 1 FROM handover WHERE patient_key = :p AND (proposer_sor = :o OR receiver_sor = :o))
      """;

  private final EntityManager em;
  private final Caller caller;
  private final AuditLog audit;

  public PatientAccess(EntityManager em, Caller caller, AuditLog audit) {
    this.em = em;
    this.caller = caller;
    this.audit = audit;
  }

  /**
   * Checks that the caller may read {@code patientKey} and audits the attempt.
   *
   * @return the caller's SOR code
   * @throws PatientNotFoundException if the patient is unknown or the caller is not involved
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String requireReadable(String patientKey, String action) {
    String sor = caller.requireOrganisation();
    boolean involved = isInvolved(sor, patientKey);
    audit.record(sor, action, patientKey, involved);
    if (!involved) {
      throw new PatientNotFoundException();
    }
    return sor;
  }

  public boolean isInvolved(String sor, String patientKey) {
    Object result = em.createNativeQuery(INVOLVED).setParameter("p", patientKey).setParameter("o", sor).getSingleResult();
    return Boolean.TRUE.equals(result);
  }
}
