package dk.stafet.responsibility.handover;

import dk.stafet.responsibility.domain.handover.HandoverState;
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
 * A structured relay handover (R23, R24) as stored: the proposal, the course it moves and the state
 * machine's state. {@link #reason} and {@link #rejectionReason} are clinical free text: stored and
 * shown to the parties, never logged.
 */
@Entity
@Table(name = "handover")
public class HandoverRow extends RecordedRow {

  @Id public UUID id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(name = "proposer_sor", nullable = false)
  public String proposerSor;

  @Column(name = "proposer_kind", nullable = false)
  public String proposerKind;

  @Column(name = "receiver_sor", nullable = false)
  public String receiverSor;

  @Column(name = "receiver_kind", nullable = false)
  public String receiverKind;

  @Column(name = "receiving_doctor_id")
  public String receivingDoctorId;

  @Column(name = "receiving_doctor_name")
  public String receivingDoctorName;

  @Column(name = "course_kind", nullable = false)
  public String courseKind;

  @Column(name = "course_id", nullable = false)
  public String courseId;

  @Column(nullable = false)
  public String reason;

  @Column(name = "patient_informed", nullable = false)
  public boolean patientInformed;

  @Column(name = "relatives_informed", nullable = false)
  public boolean relativesInformed;

  @Column(name = "agreement_channel")
  public String agreementChannel;

  @Column(name = "proposed_at", nullable = false)
  public Instant proposedAt;

  @Column(name = "respond_by", nullable = false)
  public Instant respondBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HandoverState state;

  @Column(name = "timed_out_at")
  public Instant timedOutAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "rejection_reason")
  public String rejectionReason;

  @Column(name = "accepted_event_id")
  public UUID acceptedEventId;

  /** R24: proposals nobody answered by their deadline. */
  public static List<HandoverRow> dueForTimeout(Instant now) {
    return list("state = ?1 AND respondBy <= ?2 ORDER BY respondBy", HandoverState.PROPOSED, now);
  }

  public static List<HandoverRow> pendingOf(String patientKey) {
    return list(
        "patientKey = ?1 AND state IN ?2",
        patientKey,
        List.of(HandoverState.PROPOSED, HandoverState.UNANSWERED));
  }

  public static List<HandoverRow> inState(HandoverState state) {
    return state == null
        ? list("ORDER BY proposedAt")
        : list("state = ?1 ORDER BY proposedAt", state);
  }
}
