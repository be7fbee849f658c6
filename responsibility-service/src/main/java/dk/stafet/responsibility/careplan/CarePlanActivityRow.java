package dk.stafet.responsibility.careplan;

import dk.stafet.service.persistence.RecordedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One organisation's effort in a plan, as stored (V50). {@link #description} is clinical text. */
@Entity
@Table(name = "care_plan_activity")
public class CarePlanActivityRow extends RecordedRow {

  @Id public UUID id;

  @Column(name = "plan_id", nullable = false)
  public UUID planId;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(nullable = false)
  public int position;

  @Column(name = "owner_sor", nullable = false)
  public String ownerSor;

  public String description;

  @Column(nullable = false)
  public String status;

  @Column(name = "period_start")
  public LocalDate periodStart;

  @Column(name = "period_end")
  public LocalDate periodEnd;

  public static List<CarePlanActivityRow> ofPlan(UUID planId) {
    return list("planId = ?1 ORDER BY position", planId);
  }
}
