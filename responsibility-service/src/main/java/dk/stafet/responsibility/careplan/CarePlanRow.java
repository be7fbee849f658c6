package dk.stafet.responsibility.careplan;

import dk.stafet.service.persistence.RecordedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shared course and action plan as stored (V50): the domain {@link
 * dk.stafet.responsibility.domain.careplan.CarePlan}'s state. {@link #title} is clinical free text.
 */
@Entity
@Table(name = "care_plan")
public class CarePlanRow extends RecordedRow {

  @Id public UUID id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String status;

  public String title;

  @Column(name = "author_sor", nullable = false)
  public String authorSor;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "birth_date")
  public LocalDate birthDate;

  @Column(name = "transition_at")
  public LocalDate transitionAt;

  @Column(name = "case_manager_sor")
  public String caseManagerSor;

  @Column(name = "case_manager_person")
  public String caseManagerPerson;

  @Column(name = "case_manager_chosen_by")
  public String caseManagerChosenBy;

  @Column(name = "case_manager_chosen_at")
  public Instant caseManagerChosenAt;

  @Column(name = "closing_talk_at")
  public Instant closingTalkAt;

  @Column(name = "closing_talk_by_sor")
  public String closingTalkBySor;

  @Column(name = "ended_at")
  public Instant endedAt;

  public static List<CarePlanRow> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY createdAt, id", patientKey);
  }
}
