package dk.stafet.referral.course;

import dk.stafet.referral.course.lifecycle.AdmissionState;
import dk.stafet.referral.course.lifecycle.AdmissionTransition;
import dk.stafet.referral.security.AccessRule;
import dk.stafet.service.persistence.RecordedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A hospital stay [sygehusophold]: an admission or an emergency contact, identified in MedCom by
 * the episodeOfCare identifier and the serviceProvider SOR. A stay registered in error is kept as
 * CANCELLED.
 */
@Entity
@Table(name = "hospital_stay")
public class HospitalStay extends RecordedRow implements AccessRule.Involving {

  @Id public UUID id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(name = "episode_of_care_id", nullable = false)
  public String episodeOfCareId;

  /** The admitting department (Encounter.serviceProvider). */
  @Column(name = "service_provider_sor", nullable = false)
  public String serviceProviderSor;

  @Enumerated(EnumType.STRING)
  @Column(name = "encounter_class", nullable = false)
  public EncounterClass encounterClass;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AdmissionState state;

  /** The last transition that changed the stay (decides whether AN_SLOR is allowed). */
  @Enumerated(EnumType.STRING)
  @Column(name = "last_transition", nullable = false)
  public AdmissionTransition lastTransition;

  @Column(name = "admitted_at", nullable = false)
  public Instant admittedAt;

  @Column(name = "leave_started_at")
  public Instant leaveStartedAt;

  @Column(name = "leave_ended_at")
  public Instant leaveEndedAt;

  @Column(name = "discharged_at")
  public Instant dischargedAt;

  @Column(name = "deceased_at")
  public Instant deceasedAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  /**
   * The stay of an episode that is not cancelled (at most one, enforced by a partial unique index).
   */
  public static Optional<HospitalStay> byEpisode(
      String episodeOfCareId, String serviceProviderSor) {
    return find(
            "episodeOfCareId = ?1 AND serviceProviderSor = ?2 AND state <> ?3",
            episodeOfCareId,
            serviceProviderSor,
            AdmissionState.CANCELLED)
        .firstResultOptional();
  }

  public static List<HospitalStay> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY admittedAt", patientKey);
  }

  public static List<HospitalStay> activeOfPatient(String patientKey) {
    return list(
        "patientKey = ?1 AND state IN ?2 ORDER BY admittedAt",
        patientKey,
        List.of(AdmissionState.IN_PROGRESS, AdmissionState.ON_LEAVE));
  }

  /**
   * Only the admitting department is a party to a stay; the GP and municipality see it through
   * their patient role.
   */
  @Override
  public boolean involves(String sor) {
    return sor.equals(serviceProviderSor);
  }
}
