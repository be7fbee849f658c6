package dk.stafet.responsibility.attention;

import dk.stafet.responsibility.careplan.CarePlanConfig;
import dk.stafet.responsibility.domain.careplan.CarePlans;
import dk.stafet.responsibility.domain.careplan.TransitionNotice;
import dk.stafet.responsibility.ledger.Patient;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import dk.stafet.responsibility.rest.InvalidRequestException;
import dk.stafet.responsibility.security.ForbiddenException;
import dk.stafet.responsibility.security.PatientAccess;
import dk.stafet.service.audit.AuditLog;
import dk.stafet.service.security.Caller;
import dk.stafet.service.security.CallerRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's list of patients who need attention (coordinator overview, section 1): active
 * patients whose open ledger entry (current view) has a PRD without a named doctor (R27), or
 * carries an R26 alarm (gap, no-receiver), or who have a handover nobody answered by its deadline
 * (R24), or whose child's plan must agree the transition at 18 ({@link TransitionNotice}, brief
 * C10). One SQL query over the stored ledger, handovers and plans; no replay. Coordinators only;
 * each patient listed is audited as a coordinator read.
 */
@ApplicationScoped
public class AttentionService {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  static final String ACTION = "attention";

  /**
   * The open entry of each patient's current view (entries no correction replaces; valid_to null),
   * joined with the patient's unanswered handovers (UNANSWERED, or PROPOSED past respondBy before
   * the timeout job got to it), and with the earliest coming 18th birthday of the patient's open
   * child's plans that needs attention today (:lastDueBirthday, from the Java rule). {@code since}
   * follows the alarm shown: the respondBy for a row listed as handover-unanswered, the first day
   * of the notice for a row listed only for the transition, else the entry start.
   */
  private static final String ATTENTION =
      """
      WITH open_entry AS (
          SELECT DISTINCT ON (e.patient_key) e.patient_key, e.holder_sor, e.holder_kind, e.holder_doctor_id, e.rule_id,
                 e.valid_from, e.alarm, e.course_kind
            FROM ledger_entry e
           WHERE e.valid_to IS NULL
             AND NOT EXISTS (SELECT 1 FROM ledger_correction c
                              WHERE c.patient_key = e.patient_key AND c.corrects_entry = e.entry_no)
           ORDER BY e.patient_key, e.valid_from DESC, e.entry_no DESC),
      unanswered AS (
          SELECT patient_key, min(respond_by) AS respond_by
            FROM handover
           WHERE state = 'UNANSWERED' OR (state = 'PROPOSED' AND respond_by < :now)
           GROUP BY patient_key),
      transition AS (
          SELECT patient_key, min(transition_at) AS transition_at
            FROM care_plan
           WHERE kind = 'CHILD' AND status IN ('DRAFT', 'ACTIVE') AND transition_at <= :lastDueBirthday
           GROUP BY patient_key),
      attention AS (
          SELECT o.*, u.respond_by, p.course_type, t.transition_at,
                 CASE WHEN o.alarm IS NOT NULL THEN o.valid_from
                      WHEN u.respond_by IS NOT NULL THEN u.respond_by
                      WHEN o.holder_sor IS NOT NULL AND o.holder_doctor_id IS NULL THEN o.valid_from
                      ELSE (t.transition_at - CAST(:notice AS interval)) AT TIME ZONE 'Europe/Copenhagen'
                 END AS since
            FROM open_entry o
            JOIN patient p ON p.patient_key = o.patient_key
            LEFT JOIN unanswered u ON u.patient_key = o.patient_key
            LEFT JOIN transition t ON t.patient_key = o.patient_key
           WHERE o.alarm IS NOT NULL
              OR (o.holder_sor IS NOT NULL AND o.holder_doctor_id IS NULL)
              OR u.respond_by IS NOT NULL
              OR t.transition_at IS NOT NULL)
      SELECT patient_key, holder_sor, holder_kind, holder_doctor_id, rule_id, alarm, course_kind, respond_by, course_type, since,
             transition_at
        FROM attention
       ORDER BY since DESC, patient_key
       LIMIT :limit
      """;

  private final EntityManager em;
  private final Caller caller;
  private final CallerRoles roles;
  private final AuditLog audit;
  private final OrganisationDirectory directory;
  private final TransitionNotice transitionNotice;

  public AttentionService(
      EntityManager em,
      Caller caller,
      CallerRoles roles,
      AuditLog audit,
      OrganisationDirectory directory,
      CarePlanConfig carePlans) {
    this.em = em;
    this.caller = caller;
    this.roles = roles;
    this.audit = audit;
    this.directory = directory;
    this.transitionNotice = new TransitionNotice(carePlans.transitionNotice());
  }

  /**
   * @param limit at most this many patients, newest first (default {@value #DEFAULT_LIMIT}, at most
   *     {@value #MAX_LIMIT})
   * @throws ForbiddenException for a caller that is not a coordinator (audited as DENIED, no
   *     patient)
   */
  @Transactional
  public List<Attention> list(Integer limit) {
    String sor = caller.requireOrganisation();
    if (!roles.isCoordinator(sor)) {
      audit.record(sor, PatientAccess.AS_COORDINATOR + ACTION, null, false);
      throw new ForbiddenException(
          "COORDINATORS_ONLY", "only course coordinators may list patients needing attention");
    }
    int max = limit == null ? DEFAULT_LIMIT : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw new InvalidRequestException(
          "INVALID_LIMIT", "limit must be between 1 and " + MAX_LIMIT);
    }
    LocalDate today = LocalDate.now(CarePlans.ZONE);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(ATTENTION)
            .setParameter("now", Instant.now())
            .setParameter("lastDueBirthday", transitionNotice.latestDueBirthday(today))
            // ISO 8601 (P90D), which PostgreSQL reads as an interval: the first day of the notice
            .setParameter("notice", transitionNotice.notice().toString())
            .setParameter("limit", max)
            .getResultList();
    List<Attention> result = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      result.add(attention(r));
    }
    result.forEach(
        a -> audit.record(sor, PatientAccess.AS_COORDINATOR + ACTION, a.patientKey(), true));
    return result;
  }

  private Attention attention(Object[] r) {
    String holderSor = (String) r[1];
    String doctorId = (String) r[3];
    String entryAlarm = (String) r[5];
    Instant respondBy = instant(r[7]);
    LocalDate transitionAt = date(r[10]);
    List<String> reasons = new ArrayList<>(4);
    if (holderSor != null && doctorId == null) {
      reasons.add(Attention.NO_NAMED_DOCTOR);
    }
    if (entryAlarm != null) {
      reasons.add(entryAlarm);
    }
    if (respondBy != null) {
      reasons.add(Attention.HANDOVER_UNANSWERED);
    }
    if (transitionAt != null) {
      reasons.add(Attention.TRANSITION_AT_18);
    }
    String alarm =
        entryAlarm != null
            ? entryAlarm
            : respondBy != null
                ? Attention.HANDOVER_UNANSWERED
                : transitionAt != null ? Attention.TRANSITION_AT_18 : null;
    return new Attention(
        (String) r[0],
        holderSor,
        directory.bySor(holderSor).map(OrganisationInfo::name).orElse(null),
        (String) r[2],
        (String) r[4],
        instant(r[9]),
        alarm,
        (String) r[6],
        Patient.CourseType.CANCER.name().equals(r[8]),
        List.copyOf(reasons),
        transitionAt);
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("unexpected date type " + value.getClass().getName());
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
  }
}
