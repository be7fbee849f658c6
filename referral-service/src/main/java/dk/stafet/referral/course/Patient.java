package dk.stafet.referral.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The one place referral-service keeps a patient's CPR number (needed to publish events; never
 * logged, never a key). Everything else refers to the patient by the keyed pseudonym {@link
 * #patientKey}.
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

  @Id
  @Column(name = "patient_key")
  public String patientKey;

  @Column(nullable = false)
  public String cpr;

  @Column(name = "listed_gp_sor")
  public String listedGpSor;

  @Column(name = "listed_gp_since")
  public Instant listedGpSince;

  /** The patient's municipality of residence where known; it may see the patient's courses. */
  @Column(name = "municipality_sor")
  public String municipalitySor;

  /**
   * The official family name as the latest MedCom message or national-register fact gave it; null
   * until one has. Carried on every course event so outgoing messages name the patient.
   */
  @Column(name = "family_name")
  public String familyName;

  /** The official given names, separated by single spaces; null if never given. */
  @Column(name = "given_names")
  public String givenNames;

  @Column(name = "deceased_at")
  public Instant deceasedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  public static Patient byKey(String patientKey) {
    return findById(patientKey);
  }

  @Override
  public String toString() {
    return "Patient[" + patientKey + "]";
  }
}
