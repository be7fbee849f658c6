package dk.stafet.notification.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A hospital stay as its course events describe it: what the Encounter of a HospitalNotification
 * needs.
 */
@Entity
@Table(name = "hospital_stay")
public class HospitalStay extends PanacheEntityBase {

  @Id
  @Column(name = "course_id")
  public String courseId;

  @Column(name = "patient_key")
  public String patientKey;

  @Column(name = "service_provider_sor")
  public String serviceProviderSor;

  @Column(name = "episode_of_care_id")
  public String episodeOfCareId;

  @Column(name = "encounter_class")
  public String encounterClass;

  @Column(name = "admitted_at")
  public Instant admittedAt;

  @Column(name = "leave_started_at")
  public Instant leaveStartedAt;

  @Column(name = "leave_ended_at")
  public Instant leaveEndedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  public boolean open;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public static List<HospitalStay> openOf(String patientKey) {
    return list("patientKey = ?1 and open = true", patientKey);
  }
}
