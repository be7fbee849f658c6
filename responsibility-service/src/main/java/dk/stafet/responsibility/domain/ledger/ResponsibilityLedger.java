package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.PatientKey;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.course.CourseEvent.ResponsibleDoctorAssigned;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The responsibility ledger of one patient (identified by an opaque key, never a CPR number).
 *
 * <p><b>Design.</b> The facts (course events) are the source of truth. Recording a fact replays all
 * facts in event-time order ({@link CourseReplay}) and compares the resulting timeline with the
 * current view; every segment that is new or different is appended as a new {@link LedgerEntry}
 * that names the entries it supersedes. Nothing is ever updated or removed, so the log is the audit
 * trail (R8: "the audit keeps both records"), while the current view — the entries not superseded —
 * is the corrected history that point-in-time queries answer from.
 *
 * <p>Consequences: late, out-of-order events are simply facts with an earlier occurredAt — the
 * timeline is right for event time whatever the arrival order; R8 cancellations and R20 death are
 * handled by the replay; re-delivery of the same event is idempotent.
 *
 * <p>Not thread-safe by itself: a service serialises commands per patient (or synchronises here).
 */
public final class ResponsibilityLedger {

  private final PatientKey patient;
  private final CourseReplay replay;
  private final List<RecordedFact> facts = new ArrayList<>();
  private final Map<String, CourseEvent> factsById = new HashMap<>();
  private final List<LedgerEntry> log = new ArrayList<>();
  private List<LedgerEntry> currentView = List.of();
  private Timeline timeline = new Timeline(List.of());
  private Instant latestEventTime;

  public ResponsibilityLedger(PatientKey patient) {
    this(patient, ResponsibilityRules.standard());
  }

  public ResponsibilityLedger(PatientKey patient, ResponsibilityRules rules) {
    this.patient = Objects.requireNonNull(patient, "patient");
    this.replay = new CourseReplay(rules);
  }

  public PatientKey patient() {
    return patient;
  }

  /**
   * Record a fact. Idempotent for a re-delivered identical event; a different event with a known id
   * is refused ({@link DomainErrorCode#EVENT_ID_CONFLICT}).
   */
  public synchronized RecordOutcome record(CourseEvent event, Instant recordedAt) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(recordedAt, "recordedAt");
    CourseEvent known = factsById.get(event.eventId());
    if (known != null) {
      if (known.equals(event)) {
        return new RecordOutcome(List.of(), true);
      }
      throw new DomainException(
          DomainErrorCode.EVENT_ID_CONFLICT,
          "event id " + event.eventId() + " already recorded with other content");
    }
    EntryReason correctionReason =
        event instanceof AdmissionCancelled
            ? EntryReason.CANCELLATION_CORRECTION
            : latestEventTime != null && event.occurredAt().isBefore(latestEventTime)
                ? EntryReason.LATE_EVENT_CORRECTION
                : null;
    facts.add(new RecordedFact(facts.size() + 1L, event, recordedAt));
    factsById.put(event.eventId(), event);
    if (latestEventTime == null || event.occurredAt().isAfter(latestEventTime)) {
      latestEventTime = event.occurredAt();
    }
    timeline = replay.replay(factsById.values());
    return new RecordOutcome(
        appendDifferences(timeline, event.eventId(), recordedAt, correctionReason), false);
  }

  /**
   * R27 as a checked command: a named doctor may only be assigned by the organisation that holds
   * PRD at that instant (per the current view); otherwise {@link
   * DomainErrorCode#ASSIGNMENT_FROM_NON_HOLDER}. (If later facts change who held PRD then, the
   * replay ignores the assignment.)
   */
  public synchronized RecordOutcome assignResponsibleDoctor(
      ResponsibleDoctorAssigned assignment, Instant recordedAt) {
    ResponsibilityDecision now = decisionAt(assignment.occurredAt());
    boolean holds =
        now.prd()
            .map(p -> p.organisation().id().equals(assignment.organisation().id()))
            .orElse(false);
    if (!holds) {
      throw new DomainException(
          DomainErrorCode.ASSIGNMENT_FROM_NON_HOLDER,
          "organisation " + assignment.organisation().id() + " does not hold PRD at that instant");
    }
    return record(assignment, recordedAt);
  }

  /** Point-in-time query on the corrected history (half-open intervals). */
  public synchronized Optional<LedgerEntry> entryAt(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    int lo = 0;
    int hi = currentView.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!currentView.get(mid).validFrom().isAfter(instant)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(currentView.get(found));
  }

  /** The decision at {@code instant}; before the first fact an explicit gap (R26), never null. */
  public ResponsibilityDecision decisionAt(Instant instant) {
    return entryAt(instant)
        .map(LedgerEntry::decision)
        .orElseGet(() -> ResponsibilityDecision.gap(Timeline.BEFORE_FIRST_FACT));
  }

  /** R22 for an instant, valid at most until the next recorded change. */
  public WhoToCall whoToCall(Instant instant, WhoToCallPolicy policy) {
    Optional<LedgerEntry> entry = entryAt(instant);
    ResponsibilityDecision decision =
        entry
            .map(LedgerEntry::decision)
            .orElseGet(() -> ResponsibilityDecision.gap(Timeline.BEFORE_FIRST_FACT));
    WhoToCall answer = policy.whoToCall(decision, instant);
    Optional<Instant> nextChange = entry.isPresent() ? entry.get().validTo() : firstValidFrom();
    return nextChange.map(answer::validAtMostUntil).orElse(answer);
  }

  /** Everything a caller needs for one instant. */
  public ResponsibilityAnswer answerAt(Instant instant, WhoToCallPolicy policy) {
    Optional<LedgerEntry> entry = entryAt(instant);
    ResponsibilityDecision decision =
        entry
            .map(LedgerEntry::decision)
            .orElseGet(() -> ResponsibilityDecision.gap(Timeline.BEFORE_FIRST_FACT));
    return new ResponsibilityAnswer(
        instant,
        decision,
        decision.treatmentSectorAt(instant, policy.calendar()),
        whoToCall(instant, policy),
        entry);
  }

  /** The current view: corrected history, ordered by validFrom, contiguous, last entry open. */
  public synchronized List<LedgerEntry> currentView() {
    return currentView;
  }

  /** The append-only log, every entry ever written, in writing order (audit). */
  public synchronized List<LedgerEntry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(log));
  }

  /** Audit: the view as it stood after everything recorded at or before {@code recordedAt}. */
  public synchronized List<LedgerEntry> viewAsRecordedAt(Instant recordedAt) {
    Set<Long> superseded = new HashSet<>();
    List<LedgerEntry> known = new ArrayList<>();
    for (LedgerEntry e : log) {
      if (!e.recordedAt().isAfter(recordedAt)) {
        known.add(e);
        superseded.addAll(e.supersedes());
      }
    }
    known.removeIf(e -> superseded.contains(e.entryNo()));
    known.sort((a, b) -> a.validFrom().compareTo(b.validFrom()));
    return List.copyOf(known);
  }

  /** The facts in arrival order. */
  public synchronized List<RecordedFact> facts() {
    return List.copyOf(facts);
  }

  /** The timeline of the current view. */
  public synchronized Timeline timeline() {
    return timeline;
  }

  private Optional<Instant> firstValidFrom() {
    return currentView.isEmpty() ? Optional.empty() : Optional.of(currentView.get(0).validFrom());
  }

  /** Append an entry for every segment of {@code next} not already in the current view. */
  private List<LedgerEntry> appendDifferences(
      Timeline next, String recordedFor, Instant recordedAt, EntryReason correctionReason) {
    Map<TimelineSegment, LedgerEntry> unchanged = new HashMap<>();
    for (LedgerEntry e : currentView) {
      unchanged.put(e.asSegment(), e);
    }
    Set<TimelineSegment> kept = new HashSet<>();
    for (TimelineSegment s : next.segments()) {
      if (unchanged.containsKey(s)) {
        kept.add(s);
      }
    }
    List<LedgerEntry> appended = new ArrayList<>();
    List<LedgerEntry> view = new ArrayList<>(next.segments().size());
    for (TimelineSegment s : next.segments()) {
      if (kept.contains(s)) {
        view.add(unchanged.get(s));
        continue;
      }
      List<Long> supersedes = new ArrayList<>();
      boolean sameStateReissued = false;
      for (LedgerEntry old : currentView) {
        if (!kept.contains(old.asSegment()) && s.overlaps(old.validFrom(), old.validTo())) {
          supersedes.add(old.entryNo());
          sameStateReissued |=
              old.validFrom().equals(s.validFrom()) && old.decision().equals(s.decision());
        }
      }
      EntryReason reason =
          correctionReason != null
              ? correctionReason
              : sameStateReissued && supersedes.size() == 1
                  ? EntryReason.INTERVAL_CLOSED
                  : EntryReason.NEW_STATE;
      LedgerEntry entry =
          new LedgerEntry(
              log.size() + 1L,
              s.validFrom(),
              s.validTo(),
              s.decision(),
              s.decidingEventId(),
              recordedFor,
              recordedAt,
              supersedes,
              reason);
      log.add(entry);
      appended.add(entry);
      view.add(entry);
    }
    currentView = List.copyOf(view);
    return appended;
  }
}
