package dk.stafet.notification.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A patient's listed GP and municipality (from LISTED_GP_REGISTERED) and official name (from any
 * course event that carries it), keyed by the patient pseudonym.
 */
@Entity
@Table(name = "patient_contact")
public class PatientContact extends PanacheEntityBase {

  @Id
  @Column(name = "patient_key")
  public String patientKey;

  @Column(name = "listed_gp_sor")
  public String listedGpSor;

  @Column(name = "municipality_sor")
  public String municipalitySor;

  /** The official family name as the latest course event carried it; null if none has. */
  @Column(name = "family_name")
  public String familyName;

  /** The official given names, separated by single spaces. */
  @Column(name = "given_names")
  public String givenNames;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
