package dk.stafet.referral.waitingtime;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.contracts.events.CourseEventType;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.outbox.Outbox;
import dk.stafet.referral.config.FrontDoorConfig;
import dk.stafet.referral.course.Patient;
import dk.stafet.referral.course.Referral;
import dk.stafet.referral.course.lifecycle.ReferralState;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the referrals whose warning time or deadline has been crossed, and raises each alert once:
 * the alert row (unique per referral and kind) and its CourseEvent in the outbox share one
 * transaction, so an alert is published exactly when it is recorded — however often the check runs,
 * and on however many instances.
 */
@ApplicationScoped
public class WaitingTimeAlerts {

  /** States in which some rule may still be waiting (W2 is met on acceptance, the others later). */
  static final List<ReferralState> WAITING_STATES =
      List.of(ReferralState.RECEIVED, ReferralState.FORWARDED, ReferralState.ACCEPTED);

  private static final String INSERT_ONCE =
      "INSERT INTO waiting_time_alert (id, referral_id, patient_key, kind, "
          + "waiting_time_rule, deadline, crossed_at, recorded_at, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
          + "ON CONFLICT (referral_id, kind) DO NOTHING";

  private final WaitingTimes waitingTimes;
  private final WaitingTimeConfig config;
  private final Outbox outbox;
  private final EntityManager entityManager;
  private final String hubSor;

  public WaitingTimeAlerts(
      WaitingTimes waitingTimes,
      WaitingTimeConfig config,
      Outbox outbox,
      EntityManager entityManager,
      FrontDoorConfig frontDoor) {
    this.waitingTimes = waitingTimes;
    this.config = config;
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.hubSor = frontDoor.hub().sor();
  }

  /**
   * Referrals with a rule that are still waiting and have no EXCEEDED alert yet (nothing more can
   * be raised for those).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Referral> watched() {
    return Referral.list(
        "FROM Referral r WHERE r.waitingTimeRule IS NOT NULL AND r.state IN ?1 AND NOT EXISTS "
            + "(SELECT a FROM WaitingTimeAlert a WHERE a.referralId = r.id AND a.kind = ?2) ORDER BY r.receivedAt",
        WAITING_STATES,
        WaitingTimeAlert.Kind.EXCEEDED);
  }

  /**
   * The referrals due an alert at {@code now}, read in one transaction; {@link #raise} checks each
   * again.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<UUID> due(Instant now) {
    List<Referral> referrals = watched();
    Set<UUID> warned =
        new HashSet<>(
            entityManager
                .createQuery(
                    "SELECT a.referralId FROM WaitingTimeAlert a "
                        + "WHERE a.kind = :kind AND a.referralId IN (SELECT r.id FROM Referral r WHERE r.waitingTimeRule IS NOT NULL "
                        + "AND r.state IN :states)",
                    UUID.class)
                .setParameter("kind", WaitingTimeAlert.Kind.WARNING)
                .setParameter("states", WAITING_STATES)
                .getResultList());
    return referrals.stream()
        .filter(
            r -> {
              WaitingTimeStatus status = waitingTimes.assess(r, now).status();
              return status == WaitingTimeStatus.EXCEEDED
                  || status == WaitingTimeStatus.WARNING && !warned.contains(r.id);
            })
        .map(r -> r.id)
        .toList();
  }

  /**
   * Raises the alert the referral is due at {@code now}, if it has not been raised:
   * WAITING_TIME_EXCEEDED once the deadline has passed, else WAITING_TIME_WARNING within the
   * warning time. A referral first seen after its deadline gets only the EXCEEDED alert. The
   * referral row is locked, so a concurrent start/visitation is either seen or waits.
   *
   * @return the kind raised, or empty if nothing was due or it had been raised already
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<WaitingTimeAlert.Kind> raise(UUID referralId, Instant now) {
    Referral referral = Referral.findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    if (referral == null || referral.waitingTimeRule == null) {
      return Optional.empty();
    }
    WaitingTimes.Assessment assessment = waitingTimes.assess(referral, now);
    if (!assessment.open() || assessment.deadline().isEmpty()) {
      return Optional.empty();
    }
    WaitingTimeRules.Deadline deadline = assessment.deadline().get();
    WaitingTimeAlert.Kind kind;
    Instant crossedAt;
    if (assessment.status() == WaitingTimeStatus.EXCEEDED) {
      kind = WaitingTimeAlert.Kind.EXCEEDED;
      crossedAt = deadline.exceededAt();
    } else if (assessment.status() == WaitingTimeStatus.WARNING) {
      kind = WaitingTimeAlert.Kind.WARNING;
      crossedAt = assessment.warnFrom();
    } else {
      return Optional.empty();
    }
    UUID eventId = UUID.randomUUID();
    Instant recordedAt = Instant.now();
    int inserted =
        entityManager
            .createNativeQuery(INSERT_ONCE)
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, referral.id)
            .setParameter(3, referral.patientKey)
            .setParameter(4, kind.name())
            .setParameter(5, referral.waitingTimeRule.name())
            .setParameter(6, deadline.lastDay())
            .setParameter(7, crossedAt)
            .setParameter(8, recordedAt)
            .setParameter(9, eventId)
            .executeUpdate();
    if (inserted == 0) {
      return Optional.empty(); // raised before (by an earlier run or another instance)
    }
    publish(referral, assessment, kind, crossedAt, recordedAt, eventId);
    Log.infof(
        "Waiting time %s: referral %s, rule %s, last day %s",
        kind, referral.id, referral.waitingTimeRule, deadline.lastDay());
    return Optional.of(kind);
  }

  private void publish(
      Referral referral,
      WaitingTimes.Assessment assessment,
      WaitingTimeAlert.Kind kind,
      Instant crossedAt,
      Instant recordedAt,
      UUID eventId) {
    WaitingTimeRules.Deadline deadline = assessment.deadline().orElseThrow();
    boolean exceeded = kind == WaitingTimeAlert.Kind.EXCEEDED;
    CourseEventType type =
        exceeded ? CourseEventType.WAITING_TIME_EXCEEDED : CourseEventType.WAITING_TIME_WARNING;
    Optional<String> advisor = config.patientAdvisorSor().filter(s -> !s.isBlank());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("waitingTimeRule", referral.waitingTimeRule.name());
    details.put("deadline", deadline.lastDay().toString());
    details.put("deadlineAt", deadline.exceededAt().toString());
    if (exceeded) {
      details.put("daysOver", Long.toString(-assessment.daysLeft()));
    } else {
      details.put("daysLeft", Long.toString(assessment.daysLeft()));
    }
    details.put("limit", deadline.limit().describe());
    details.put("awaiting", assessment.rule().to());
    details.put("cancer", Boolean.toString(referral.cancer));
    if (referral.conditionCode != null) {
      details.put("conditionCode", referral.conditionCode);
    }
    details.put("escalateTo", exceeded ? "PATIENT_ADVISOR" : "DEPARTMENT_AND_COORDINATOR");
    advisor.filter(a -> exceeded).ifPresent(a -> details.put("patientAdvisorSor", a));
    details.put(
        "ruleSource", waitingTimes.rules().source() + " (" + waitingTimes.rules().updated() + ")");
    Patient patient = Patient.byKey(referral.patientKey);
    String subject = referral.id.toString();
    // The organisation that raises (or, on breach, must handle) the alert; the receiving department
    // is the counterpart.
    String organisation = exceeded ? advisor.orElse(hubSor) : hubSor;
    CourseEvent event =
        new CourseEvent(
            eventId,
            type,
            crossedAt,
            recordedAt,
            patient.patientKey,
            patient.cpr,
            subject,
            organisation,
            referral.receiverSor,
            null,
            details);
    outbox.add(
        Topics.COURSE_EVENTS, eventId, patient.patientKey, type.cloudEventType(), subject, event);
  }
}
