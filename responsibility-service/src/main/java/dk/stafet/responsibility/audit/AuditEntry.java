package dk.stafet.responsibility.audit;

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

/** One read (or refused read) of a patient's data. Never holds a CPR number; append-only (database trigger). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  public enum Outcome { GRANTED, DENIED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(name = "caller_sor", nullable = false)
  public String callerSor;

  /** What was read, e.g. {@code who-to-call}, {@code ledger}, {@code fhir-episode-of-care}. */
  @Column(nullable = false)
  public String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Outcome outcome;

  @Column(name = "patient_key")
  public String patientKey;

  public static List<AuditEntry> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY at, id", patientKey);
  }
}
