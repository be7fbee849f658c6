package dk.stafet.responsibility.domain.careplan;

import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shared, binding course and action plan of one patient course (brief C10; FHIR CarePlan): who
 * does what from start to end, parallel efforts allowed, one case manager the citizen may choose,
 * the closing talk before completion, and for a child the transition at 18.
 *
 * <p>The state machine (docs/care-plan.md):
 *
 * <ul>
 *   <li>DRAFT → ACTIVE as soon as the plan has at least one activity and a case manager (whichever
 *       comes last); an active plan always has exactly one case manager (a new choice replaces the
 *       old one, none can be removed).
 *   <li>ACTIVE → COMPLETED only after a recorded closing talk and with no activity still planned or
 *       active.
 *   <li>DRAFT or ACTIVE → REVOKED, by an organisation in the plan or by the patient's death (which
 *       also cancels the open activities); COMPLETED and REVOKED are final: nothing changes after
 *       them.
 * </ul>
 *
 * Only the organisations in the plan (its author and the owners of its activities) act on it; the
 * case manager is one of them. Plain Java: the service loads, calls one command and stores.
 */
public final class CarePlan {

  private final String id;
  private final CarePlanKind kind;
  private final String authorSor;
  private final Instant createdAt;
  private final LocalDate birthDate;
  private CarePlanStatus status;
  private final List<PlanActivity> activities;
  private CaseManager caseManager;
  private ClosingTalk closingTalk;
  private Instant endedAt;

  private CarePlan(
      String id,
      CarePlanKind kind,
      String authorSor,
      Instant createdAt,
      LocalDate birthDate,
      CarePlanStatus status,
      List<PlanActivity> activities,
      CaseManager caseManager,
      ClosingTalk closingTalk,
      Instant endedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.authorSor = Objects.requireNonNull(authorSor, "authorSor");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.birthDate = birthDate;
    this.status = Objects.requireNonNull(status, "status");
    this.activities = new ArrayList<>(activities);
    this.caseManager = caseManager;
    this.closingTalk = closingTalk;
    this.endedAt = endedAt;
  }

  /**
   * A new plan in DRAFT.
   *
   * @param birthDate the patient's birth date where known (from the CPR number); a child's plan
   *     needs it to show the transition at 18
   * @throws DomainException CAREPLAN_CHILD_OF_AGE for a child's plan of someone already 18
   */
  public static CarePlan create(
      String id, CarePlanKind kind, String authorSor, Instant createdAt, LocalDate birthDate) {
    CarePlan plan =
        new CarePlan(
            id,
            kind,
            authorSor,
            createdAt,
            birthDate,
            CarePlanStatus.DRAFT,
            List.of(),
            null,
            null,
            null);
    LocalDate today = LocalDate.ofInstant(createdAt, CarePlans.ZONE);
    if (plan.transitionAt().filter(at -> !today.isBefore(at)).isPresent()) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_CHILD_OF_AGE,
          "plan " + id + ": a child's plan for someone already 18; create a complex adult plan");
    }
    return plan;
  }

  /** A stored plan, as it was. */
  public static CarePlan restore(
      String id,
      CarePlanKind kind,
      String authorSor,
      Instant createdAt,
      LocalDate birthDate,
      CarePlanStatus status,
      List<PlanActivity> activities,
      CaseManager caseManager,
      ClosingTalk closingTalk,
      Instant endedAt) {
    return new CarePlan(
        id,
        kind,
        authorSor,
        createdAt,
        birthDate,
        status,
        activities,
        caseManager,
        closingTalk,
        endedAt);
  }

  /** Adds one organisation's effort; efforts may overlap in time (parallel efforts). */
  public void addActivity(String bySor, PlanActivity activity) {
    requireOpen();
    requireParticipant(bySor);
    requirePeriod(activity.start(), activity.end());
    if (activities.stream().anyMatch(a -> a.id().equals(activity.id()))) {
      throw new IllegalArgumentException("activity id used twice: " + activity.id());
    }
    activities.add(activity);
    activateIfReady();
  }

  /** Moves an activity on (forward only) and/or changes its period. */
  public PlanActivity updateActivity(
      String bySor, String activityId, ActivityStatus next, LocalDate start, LocalDate end) {
    requireOpen();
    requireParticipant(bySor);
    int index = indexOf(activityId);
    PlanActivity current = activities.get(index);
    ActivityStatus target = next == null ? current.status() : next;
    if (!current.status().mayBecome(target)) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_ACTIVITY_TRANSITION,
          "activity " + activityId + ": " + current.status() + " cannot become " + target);
    }
    LocalDate newStart = start == null ? current.start() : start;
    LocalDate newEnd = end == null ? current.end() : end;
    requirePeriod(newStart, newEnd);
    PlanActivity updated = current.with(target, newStart, newEnd);
    activities.set(index, updated);
    return updated;
  }

  /**
   * The citizen's (or, on the citizen's behalf, staff's) choice of case manager among the
   * organisations in the plan; replaces any earlier choice.
   *
   * @param bySor the acting organisation; null when the citizen chose through the portal
   */
  public void chooseCaseManager(String bySor, CaseManager chosen) {
    requireOpen();
    if (bySor != null) {
      requireParticipant(bySor);
    }
    if (!eligibleCaseManagers().contains(chosen.organisationSor())) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_CASE_MANAGER_NOT_IN_PLAN,
          "plan "
              + id
              + ": "
              + chosen.organisationSor()
              + " has no planned, active or completed activity in the plan");
    }
    caseManager = chosen;
    activateIfReady();
  }

  /** The closing talk [afsluttende samtale]; an active plan only. */
  public void recordClosingTalk(String bySor, Instant at) {
    requireActive();
    requireParticipant(bySor);
    closingTalk = new ClosingTalk(at, bySor);
  }

  /** Ends the plan: after the closing talk, with every activity completed or cancelled. */
  public void complete(String bySor, Instant at) {
    requireActive();
    requireParticipant(bySor);
    if (closingTalk == null) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_CLOSING_TALK_MISSING,
          "plan " + id + ": record the closing talk before completing the plan");
    }
    if (closingTalk.at().isAfter(at)) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_CLOSING_TALK_AFTER_COMPLETION,
          "plan " + id + ": the closing talk is recorded after the completion time");
    }
    List<String> open =
        activities.stream().filter(a -> a.status().isOpen()).map(PlanActivity::id).toList();
    if (!open.isEmpty()) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_OPEN_ACTIVITIES,
          "plan " + id + ": activities still planned or active: " + open);
    }
    status = CarePlanStatus.COMPLETED;
    endedAt = at;
  }

  /** Withdraws a draft or active plan. */
  public void revoke(String bySor, Instant at) {
    requireOpen();
    requireParticipant(bySor);
    status = CarePlanStatus.REVOKED;
    endedAt = at;
  }

  /**
   * The patient died (R20): an open plan ends with its patient. It is revoked at the death, and its
   * planned and active efforts are cancelled, so nobody is left holding an effort for a patient who
   * is no longer there. A plan that has already ended stays as it ended.
   *
   * @return whether the plan changed
   */
  public boolean endOnDeath(Instant at) {
    if (status.isClosed()) {
      return false;
    }
    activities.replaceAll(
        a -> a.status().isOpen() ? a.with(ActivityStatus.CANCELLED, a.start(), a.end()) : a);
    status = CarePlanStatus.REVOKED;
    endedAt = at;
    return true;
  }

  /** A child's 18th birthday: the transition to adult services the plan must prepare. */
  public Optional<LocalDate> transitionAt() {
    return kind == CarePlanKind.CHILD && birthDate != null
        ? Optional.of(birthDate.plusYears(18))
        : Optional.empty();
  }

  /**
   * True from {@code notice} before the 18th birthday while the child's plan is still open (and
   * after it, until the plan is closed): the transition needs attention.
   */
  public boolean transitionNeedsAttention(LocalDate today, Period notice) {
    TransitionNotice rule = new TransitionNotice(notice);
    return !status.isClosed() && transitionAt().filter(at -> rule.due(at, today)).isPresent();
  }

  /** Every organisation in the plan: the author, every activity's owner, the case manager's. */
  public Set<String> participants() {
    Set<String> sors = new LinkedHashSet<>();
    sors.add(authorSor);
    activities.forEach(a -> sors.add(a.ownerSor()));
    if (caseManager != null) {
      sors.add(caseManager.organisationSor());
    }
    return Collections.unmodifiableSet(sors);
  }

  /**
   * The organisations the citizen may choose as case manager: owners of a non-cancelled activity.
   */
  public Set<String> eligibleCaseManagers() {
    Set<String> sors = new LinkedHashSet<>();
    activities.stream()
        .filter(a -> a.status() != ActivityStatus.CANCELLED)
        .forEach(a -> sors.add(a.ownerSor()));
    return Collections.unmodifiableSet(sors);
  }

  private void activateIfReady() {
    if (status == CarePlanStatus.DRAFT && caseManager != null && !activities.isEmpty()) {
      status = CarePlanStatus.ACTIVE;
    }
  }

  private void requireOpen() {
    if (status.isClosed()) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_CLOSED, "plan " + id + " is " + status + "; nothing changes");
    }
  }

  private void requireActive() {
    requireOpen();
    if (status != CarePlanStatus.ACTIVE) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_NOT_ACTIVE,
          "plan " + id + " is " + status + "; it needs an activity and a case manager first");
    }
  }

  private void requireParticipant(String sor) {
    if (!participants().contains(sor)) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_NOT_PARTICIPANT,
          "plan " + id + ": " + sor + " is not an organisation in the plan");
    }
  }

  private static void requirePeriod(LocalDate start, LocalDate end) {
    if (start != null && end != null && end.isBefore(start)) {
      throw new DomainException(
          DomainErrorCode.CAREPLAN_INVALID_PERIOD, "an activity cannot end before it starts");
    }
  }

  private int indexOf(String activityId) {
    for (int i = 0; i < activities.size(); i++) {
      if (activities.get(i).id().equals(activityId)) {
        return i;
      }
    }
    throw new DomainException(
        DomainErrorCode.CAREPLAN_ACTIVITY_UNKNOWN, "plan " + id + " has no activity " + activityId);
  }

  public String id() {
    return id;
  }

  public CarePlanKind kind() {
    return kind;
  }

  public String authorSor() {
    return authorSor;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<LocalDate> birthDate() {
    return Optional.ofNullable(birthDate);
  }

  public CarePlanStatus status() {
    return status;
  }

  public List<PlanActivity> activities() {
    return List.copyOf(activities);
  }

  public Optional<CaseManager> caseManager() {
    return Optional.ofNullable(caseManager);
  }

  public Optional<ClosingTalk> closingTalk() {
    return Optional.ofNullable(closingTalk);
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }
}
