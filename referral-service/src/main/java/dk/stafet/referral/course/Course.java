package dk.stafet.referral.course;

import dk.stafet.referral.course.lifecycle.CourseState;
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
import java.util.UUID;

/**
 * An acute-function, hospital outpatient, IV-at-home or practising-specialist course, or a declined
 * acute referral.
 */
@Entity
@Table(name = "course")
public class Course extends RecordedRow implements AccessRule.Involving {

  @Id public UUID id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CourseKind kind;

  /**
   * The organisation running the course: acute function, hospital department or practising
   * specialist.
   */
  @Column(name = "owner_sor", nullable = false)
  public String ownerSor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CourseState state;

  @Enumerated(EnumType.STRING)
  @Column(name = "referrer_kind")
  public ReferrerKind referrerKind;

  @Column(name = "referrer_sor")
  public String referrerSor;

  @Enumerated(EnumType.STRING)
  @Column(name = "acute_form")
  public AcuteForm form;

  @Enumerated(EnumType.STRING)
  @Column(name = "acute_exit")
  public AcuteExit exit;

  /**
   * IV treatment: who gives it (acute function, home nursing); the hospital stays the owner (R12).
   */
  @Column(name = "administered_by_sor")
  public String administeredBySor;

  /** Why an acute referral was declined. */
  public String reason;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "declined_at")
  public Instant declinedAt;

  public static List<Course> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY recordedAt", patientKey);
  }

  /** True if {@code sor} runs the course, referred to it or administers it. */
  @Override
  public boolean involves(String sor) {
    return sor.equals(ownerSor) || sor.equals(referrerSor) || sor.equals(administeredBySor);
  }
}
