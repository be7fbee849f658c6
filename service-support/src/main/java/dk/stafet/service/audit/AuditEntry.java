package dk.stafet.service.audit;

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
 * One read (or refused read) of a patient's data. Never holds a CPR number; append-only (each
 * service's migration creates the table with a trigger that refuses UPDATE and DELETE).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  public enum Outcome {
    GRANTED,
    DENIED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(name = "caller_sor", nullable = false)
  public String callerSor;

  /**
   * The person who read (the token's subject), and their name as the token gave it; null for a
   * service's own reads.
   */
  @Column(name = "person_subject")
  public String personSubject;

  @Column(name = "person_name")
  public String personName;

  /**
   * The caller's roles from its token (e.g. {@code STAFF}, {@code COORDINATOR}), comma-separated.
   */
  @Column(name = "caller_roles")
  public String callerRoles;

  /**
   * What the caller did, e.g. {@code LOOKUP}, {@code ledger} or {@code
   * READ_AS_COORDINATOR:READ_DELIVERIES}.
   */
  @Column(nullable = false)
  public String action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Outcome outcome;

  @Column(name = "patient_key")
  public String patientKey;

  /**
   * What kind of data was read, e.g. {@code REFERRAL}, {@code PATIENT}, {@code DELIVERY}; null
   * where the action says it.
   */
  @Column(name = "resource_type")
  public String resourceType;

  @Column(name = "resource_id")
  public String resourceId;

  public static List<AuditEntry> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY at, id", patientKey);
  }
}
