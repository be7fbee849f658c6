package dk.stafet.responsibility.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A patient as responsibility-service knows them. The CPR number is kept only for FHIR/JSON answers
 * to authorised callers and for ResponsibilityEvents; it is never logged and never a key. Every
 * write for a patient first locks this row ({@link #lockOrCreate}), which serialises the Kafka
 * consumer and REST commands per patient.
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

  /**
   * KPI course type: cancer first (national target: 90 % of cancer patients have a named PRD, brief
   * §8).
   */
  public enum CourseType {
    CANCER,
    HEART,
    OTHER
  }

  @Id
  @Column(name = "patient_key")
  public String patientKey;

  public String cpr;

  @Column(name = "listed_gp_sor")
  public String listedGpSor;

  @Column(name = "listed_gp_since")
  public Instant listedGpSince;

  /**
   * The municipality of residence, where referral-service knows it (V31); an involved organisation.
   */
  @Column(name = "municipality_sor")
  public String municipalitySor;

  @Enumerated(EnumType.STRING)
  @Column(name = "course_type", nullable = false)
  public CourseType courseType = CourseType.OTHER;

  @Column(name = "first_referral_at")
  public Instant firstReferralAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** The patient row, locked for the rest of the transaction; created (and then locked) if new. */
  public static Patient lockOrCreate(String patientKey) {
    Patient patient = findById(patientKey, LockModeType.PESSIMISTIC_WRITE);
    if (patient != null) {
      return patient;
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO patient (patient_key, course_type, created_at, updated_at, version) VALUES (?1, 'OTHER', now(), now(), 0) "
                + "ON CONFLICT DO NOTHING")
        .setParameter(1, patientKey)
        .executeUpdate();
    return findById(patientKey, LockModeType.PESSIMISTIC_WRITE);
  }

  public static Optional<Patient> locked(String patientKey) {
    return Optional.ofNullable(findById(patientKey, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public String toString() {
    return "Patient[" + patientKey + "]"; // never the CPR number
  }
}
