package dk.stafet.responsibility.ledger;

import dk.stafet.responsibility.domain.ledger.EntryReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * One ledger entry: {@link #decision()} held on [validFrom, validTo) in event time. Append-only
 * (database trigger); a changed interval or decision is a new entry, and {@link LedgerCorrection}
 * says which entries it replaces.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntryRow extends PanacheEntityBase {

  /** Not replaced by a later entry. */
  private static final String NOT_REPLACED =
      "NOT EXISTS (SELECT 1 FROM LedgerCorrection c"
          + " WHERE c.patientKey = e.patientKey AND c.correctsEntry = e.entryNo)";

  /** The current view: entries nothing replaces, in event time. */
  private static final String CURRENT =
      "FROM LedgerEntryRow e WHERE e.patientKey = ?1 AND " + NOT_REPLACED + " ORDER BY e.validFrom";

  private static final String CURRENT_FROM =
      "FROM LedgerEntryRow e WHERE e.patientKey = ?1 AND e.validFrom >= ?2 AND "
          + NOT_REPLACED
          + " ORDER BY e.validFrom";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(name = "entry_no", nullable = false)
  public long entryNo;

  @Column(name = "valid_from", nullable = false)
  public Instant validFrom;

  @Column(name = "valid_to")
  public Instant validTo;

  @Column(name = "holder_sor")
  public String holderSor;

  @Column(name = "holder_kind")
  public String holderKind;

  @Column(name = "holder_doctor_id")
  public String holderDoctorId;

  @Column(name = "holder_doctor_name")
  public String holderDoctorName;

  @Column(nullable = false)
  public String treatment;

  @Column(name = "rule_id", nullable = false)
  public String ruleId;

  @Column(name = "treatment_rule_id", nullable = false)
  public String treatmentRuleId;

  @Column(name = "course_kind")
  public String courseKind;

  @Column(name = "course_id")
  public String courseId;

  public String alarm;

  @Column(name = "alarm_reason")
  public String alarmReason;

  @Column(name = "alarm_intended_by")
  public String alarmIntendedBy;

  /** R19: the practising specialist treating in GP hours under the specialist/OOH split (V30). */
  @Column(name = "treating_sor")
  public String treatingSor;

  @Column(name = "caused_by_event", nullable = false)
  public String causedByEvent;

  @Column(name = "recorded_for_event", nullable = false)
  public String recordedForEvent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public EntryReason reason;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  public static List<LedgerEntryRow> currentView(String patientKey) {
    return list(CURRENT, patientKey);
  }

  /**
   * The current view's entries from the one starting at {@code instant} on: what a rebuild resumed
   * from a checkpoint at that instant can change (index {@code ledger_entry_patient_from}).
   */
  public static List<LedgerEntryRow> currentViewFrom(String patientKey, Instant instant) {
    return list(CURRENT_FROM, patientKey, instant);
  }

  /** Every entry ever written for the patient, in writing order (audit). */
  public static List<LedgerEntryRow> log(String patientKey) {
    return list("patientKey = ?1 ORDER BY entryNo", patientKey);
  }

  public static long lastEntryNo(String patientKey) {
    Long max =
        find("SELECT max(entryNo) FROM LedgerEntryRow WHERE patientKey = ?1", patientKey)
            .project(Long.class)
            .firstResult();
    return max == null ? 0 : max;
  }

  public StoredDecision decision() {
    return new StoredDecision(
        holderSor,
        holderKind,
        holderDoctorId,
        holderDoctorName,
        treatment,
        ruleId,
        treatmentRuleId,
        courseKind,
        courseId,
        alarm,
        alarmReason,
        alarmIntendedBy,
        treatingSor);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(validFrom) && (validTo == null || instant.isBefore(validTo));
  }
}
