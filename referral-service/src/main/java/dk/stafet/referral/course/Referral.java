package dk.stafet.referral.course;

import dk.stafet.referral.course.lifecycle.ReferralState;
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

/** A referral [henvisning] received by a hospital department or practising specialist. */
@Entity
@Table(name = "referral")
public class Referral extends RecordedRow implements AccessRule.Involving {

  @Id public UUID id;

  @Column(name = "patient_key", nullable = false)
  public String patientKey;

  @Column(name = "referrer_sor", nullable = false)
  public String referrerSor;

  @Column(name = "receiver_sor", nullable = false)
  public String receiverSor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReferralState state;

  /** Why it was rejected (free text from the receiver; no CPR). */
  public String reason;

  @Column(name = "forwarded_to_sor")
  public String forwardedToSor;

  /** Part of a cancer pathway [kræftpakke]: maximum waiting times apply. */
  @Column(nullable = false)
  public boolean cancer;

  /** The condition the waiting-time rule applies to (e.g. an ICD-10 or pathway code). */
  @Column(name = "condition_code")
  public String conditionCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "waiting_time_rule")
  public WaitingTimeRule waitingTimeRule;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "visited_at")
  public Instant visitedAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  public static List<Referral> ofPatient(String patientKey) {
    return list("patientKey = ?1 ORDER BY receivedAt", patientKey);
  }

  /**
   * The organisation that holds the referral now and acts on it: the receiver, or once it forwarded
   * the referral the organisation it was forwarded to (which visits and starts it; the ledger makes
   * it responsible at first contact).
   */
  public String currentReceiverSor() {
    return forwardedToSor != null ? forwardedToSor : receiverSor;
  }

  /**
   * True if {@code sor} is a party to this referral (referrer, receiver or the organisation it was
   * forwarded to).
   */
  @Override
  public boolean involves(String sor) {
    return sor.equals(referrerSor) || sor.equals(receiverSor) || sor.equals(forwardedToSor);
  }
}
