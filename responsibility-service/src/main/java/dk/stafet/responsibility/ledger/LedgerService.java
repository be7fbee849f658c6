package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.contracts.events.ResponsibilityEventType;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.ledger.EntryReason;
import dk.stafet.responsibility.domain.ledger.Timeline;
import dk.stafet.responsibility.domain.ledger.TimelineSegment;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import dk.stafet.responsibility.messaging.ResponsibilityEvents;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records facts and keeps the stored ledger equal to the domain's timeline.
 *
 * <p>Rebuild: load all the patient's facts, drop those a later correction retracts, replay the rest
 * in event-time order through the domain ({@link CourseReplay}, rules R5–R27) and compare the
 * timeline with the stored current view. Every segment not already stored is appended as a new
 * entry that names the entries it replaces; nothing is updated (brief §6: corrections are new
 * entries, the audit keeps both).
 *
 * <p>Incremental: a fact at or after the patient's latest instant resumes the replay from the
 * checkpoint the previous fact left ({@link ReplayCheckpoints}) and compares only the entries from
 * the segment in force there on, so its cost no longer grows with the patient's history. Anything
 * that could change the past, or a checkpoint not made from exactly the stored facts, replays every
 * fact (docs/rules.md, "Incremental").
 *
 * <p>Callers hold the patient row lock ({@link Patient#lockOrCreate}), so one patient's facts are
 * recorded one at a time.
 */
@ApplicationScoped
public class LedgerService {

  private final CourseReplay replay = new CourseReplay(ResponsibilityRules.standard());
  private final ResponsibilityEvents events;
  private final DanishCalendar calendar;
  private final Event<PatientDied> deaths;
  private final ReplayCheckpoints checkpoints;

  public LedgerService(
      ResponsibilityEvents events,
      DanishCalendar calendar,
      Event<PatientDied> deaths,
      ReplayCheckpoints checkpoints) {
    this.events = events;
    this.calendar = calendar;
    this.deaths = deaths;
    this.checkpoints = checkpoints;
  }

  /** Stores the fact (append-only), rebuilds the ledger and publishes what changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public LedgerUpdate record(Patient patient, CourseFact.Source source, FactRecord fact) {
    CourseFact row = new CourseFact();
    row.eventId = fact.eventId();
    row.patientKey = patient.patientKey;
    row.source = source;
    row.type = fact.type();
    row.courseId = fact.courseId();
    row.organisationSor = fact.organisationSor();
    row.counterpartSor = fact.counterpartSor();
    row.occurredAt = fact.occurredAt();
    row.recordedAt = Instant.now();
    row.payload = fact.toJson();
    row.persist();

    LedgerUpdate update =
        resumeFromCheckpoint(patient.patientKey, row, fact)
            .orElseGet(() -> replayEveryFact(patient.patientKey, row, fact));
    publishChanges(patient, fact, update);
    return update;
  }

  /** The domain timeline of the patient's facts as stored now (retracted facts left out). */
  public Timeline timeline(String patientKey) {
    List<FactRecord> facts =
        CourseFact.storedOfPatient(patientKey).stream().map(CourseFact.Stored::record).toList();
    return replay.replay(effectiveFacts(facts));
  }

  /**
   * The incremental ledger: the patient's checkpoint from the last fact recorded here (or the
   * start, for a patient's first fact), resumed with this one. Empty when there is none to trust,
   * or when the fact could change more than its own instant (a retraction, a retracted fact, an
   * earlier instant, an R8 cancellation, a doctor's name that renames earlier entries): then every
   * fact is replayed.
   */
  private Optional<LedgerUpdate> resumeFromCheckpoint(
      String patientKey, CourseFact row, FactRecord fact) {
    if (fact.retracts().isPresent()) {
      return Optional.empty();
    }
    CourseFact.History stored = CourseFact.historyExcept(patientKey, row.seq);
    ReplayCheckpoints.Entry cached =
        stored.count() == 0
            ? ReplayCheckpoints.Entry.beforeFirstFact(replay)
            : checkpoints.get(patientKey).filter(entry -> entry.madeFrom(stored)).orElse(null);
    String eventId = fact.eventId().toString();
    if (cached == null || cached.retracted().contains(eventId)) {
      return Optional.empty();
    }
    Map<String, String> doctorNames = new HashMap<>(cached.doctorNames());
    if (!addDoctorName(doctorNames, fact)) {
      return Optional.empty();
    }
    Optional<CourseEvent> event = DomainFacts.toDomain(fact);
    Optional<CourseReplay.Replayed> resumed =
        event.isEmpty()
            ? Optional.of(replay.unchanged(cached.checkpoint()))
            : replay.resume(cached.checkpoint(), event.get());
    if (resumed.isEmpty()) {
      return Optional.empty();
    }
    LedgerUpdate update =
        rebuild(
            patientKey,
            resumed.get(),
            doctorNames,
            eventId,
            row.recordedAt,
            correctionReason(fact, cached.latestOccurredAt()));
    checkpoints.keepAfterCommit(
        patientKey,
        new ReplayCheckpoints.Entry(
            cached.factCount() + 1,
            Math.max(cached.lastSeq(), row.seq),
            latest(cached.latestOccurredAt(), fact.occurredAt()),
            resumed.get().checkpoint(),
            cached.retracted(),
            doctorNames),
        true);
    return Optional.of(update);
  }

  /** Replays all the patient's facts, this one included, and leaves a checkpoint for the next. */
  private LedgerUpdate replayEveryFact(String patientKey, CourseFact row, FactRecord fact) {
    // Each payload is read once per full replay.
    List<CourseFact.Stored> stored = CourseFact.storedOfPatient(patientKey);
    List<FactRecord> facts = stored.stream().map(CourseFact.Stored::record).toList();
    Instant previousLatest =
        stored.stream()
            .filter(f -> f.seq() != row.seq)
            .map(CourseFact.Stored::occurredAt)
            .max(Comparator.naturalOrder())
            .orElse(null);
    Set<String> retracted = new HashSet<>();
    facts.forEach(r -> r.retracts().ifPresent(retracted::add));
    Map<String, String> doctorNames = new HashMap<>();
    facts.forEach(r -> addDoctorName(doctorNames, r));
    CourseReplay.Replayed replayed = replay.replayWithCheckpoint(effectiveFacts(facts, retracted));
    LedgerUpdate update =
        rebuild(
            patientKey,
            replayed,
            doctorNames,
            fact.eventId().toString(),
            row.recordedAt,
            correctionReason(fact, previousLatest));
    checkpoints.keepAfterCommit(
        patientKey,
        new ReplayCheckpoints.Entry(
            stored.size(),
            stored.stream().mapToLong(CourseFact.Stored::seq).max().orElse(0),
            latest(previousLatest, fact.occurredAt()),
            replayed.checkpoint(),
            retracted,
            doctorNames),
        false);
    return update;
  }

  private static EntryReason correctionReason(FactRecord fact, Instant previousLatest) {
    return fact.isCorrection() || "ADMISSION_CANCELLED".equals(fact.type())
        ? EntryReason.CANCELLATION_CORRECTION
        : previousLatest != null && fact.occurredAt().isBefore(previousLatest)
            ? EntryReason.LATE_EVENT_CORRECTION
            : null;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /**
   * Compares the replayed segments with the stored current view and appends what differs. A resumed
   * replay holds only the segments from the one in force at its checkpoint on, so only the stored
   * entries starting at or after that one are read; the earlier ones are unchanged by construction.
   */
  private LedgerUpdate rebuild(
      String patientKey,
      CourseReplay.Replayed replayed,
      Map<String, String> doctorNames,
      String recordedFor,
      Instant recordedAt,
      EntryReason correction) {
    List<TimelineSegment> segments = replayed.segments();
    List<LedgerEntryRow> current =
        replayed
            .from()
            .map(from -> LedgerEntryRow.currentViewFrom(patientKey, from))
            .orElseGet(() -> LedgerEntryRow.currentView(patientKey));
    Optional<LedgerEntryRow> openBefore =
        current.isEmpty() ? Optional.empty() : Optional.of(current.get(current.size() - 1));

    Map<Span, LedgerEntryRow> stored = new HashMap<>();
    current.forEach(e -> stored.put(new Span(e.validFrom, e.validTo, e.decision()), e));
    Set<Long> keptNos = new HashSet<>();
    List<Span> wanted = new ArrayList<>();
    for (TimelineSegment s : segments) {
      Span span =
          new Span(
              s.validFrom(),
              s.validTo().orElse(null),
              StoredDecision.of(s.decision(), doctorNames));
      wanted.add(span);
      LedgerEntryRow same = stored.get(span);
      if (same != null) {
        keptNos.add(same.entryNo);
      }
    }
    List<LedgerEntryRow> stale =
        current.stream().filter(e -> !keptNos.contains(e.entryNo)).toList();

    long nextNo = LedgerEntryRow.lastEntryNo(patientKey) + 1;
    List<LedgerEntryRow> appended = new ArrayList<>();
    Map<Long, List<LedgerEntryRow>> replaced = new LinkedHashMap<>();
    List<LedgerEntryRow> view = new ArrayList<>();
    Set<Long> replacedNos = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      Span span = wanted.get(i);
      LedgerEntryRow same = stored.get(span);
      if (same != null) {
        view.add(same);
        continue;
      }
      List<LedgerEntryRow> overlapped =
          stale.stream().filter(old -> span.overlaps(old.validFrom, old.validTo)).toList();
      boolean sameStateReissued =
          overlapped.size() == 1
              && overlapped.get(0).validFrom.equals(span.from())
              && overlapped.get(0).decision().equals(span.decision());
      EntryReason reason =
          correction != null
              ? correction
              : sameStateReissued ? EntryReason.INTERVAL_CLOSED : EntryReason.NEW_STATE;
      TimelineSegment segment = segments.get(i);
      LedgerEntryRow entry =
          entry(
              patientKey,
              nextNo++,
              span,
              segment.decidingEventId(),
              recordedFor,
              reason,
              recordedAt);
      appended.add(entry);
      view.add(entry);
      replaced.put(entry.entryNo, new ArrayList<>(overlapped));
      overlapped.forEach(old -> replacedNos.add(old.entryNo));
    }
    // A stale entry no new segment overlaps (its facts were retracted) is replaced by the first new
    // entry.
    if (!appended.isEmpty()) {
      stale.stream()
          .filter(old -> !replacedNos.contains(old.entryNo))
          .forEach(old -> replaced.get(appended.get(0).entryNo).add(old));
    }
    replaced.forEach((no, olds) -> olds.forEach(old -> correction(patientKey, no, old.entryNo)));
    Optional<LedgerEntryRow> openAfter =
        view.isEmpty() ? Optional.empty() : Optional.of(view.get(view.size() - 1));
    return new LedgerUpdate(appended, replaced, openBefore, openAfter);
  }

  private void publishChanges(Patient patient, FactRecord fact, LedgerUpdate update) {
    String cause = fact.eventId().toString();
    if (update.holderChanged()) {
      LedgerEntryRow after = update.openAfter().orElseThrow();
      events
          .draft(patient, ResponsibilityEventType.RESPONSIBILITY_CHANGED, after.validFrom)
          .course(after.courseId)
          .from(update.openBefore().map(e -> e.holderSor).orElse(null))
          .to(after.holderSor)
          .rule(after.ruleId)
          .holderRole(after.holderKind)
          .treatmentSector(
              after.decision().toDomain().treatmentSectorAt(after.validFrom, calendar).name())
          .causedBy(cause)
          .detail("ledgerEntry", after.entryNo)
          .detail("courseKind", after.courseKind)
          .detail("treatingSor", after.treatingSor)
          .detail(
              "correction",
              update.appended().stream()
                      .anyMatch(
                          e ->
                              e.reason == EntryReason.LATE_EVENT_CORRECTION
                                  || e.reason == EntryReason.CANCELLATION_CORRECTION)
                  ? "true"
                  : null)
          .publish();
      Log.infof(
          "Responsibility for %s changed by rule %s (ledger entry %d)",
          patient.patientKey, after.ruleId, after.entryNo);
      if (after.decision().isDeceased()) {
        deaths.fire(new PatientDied(patient.patientKey, after.validFrom));
      }
    }
    for (LedgerEntryRow entry : update.appended()) {
      boolean raisedBefore =
          update.replaced().getOrDefault(entry.entryNo, List.of()).stream()
              .anyMatch(
                  old ->
                      Objects.equals(old.alarm, entry.alarm)
                          && old.validFrom.equals(entry.validFrom));
      if (entry.alarm == null || raisedBefore) {
        continue;
      }
      // R26: a gap is never silent; a rule that found no receiver leaves responsibility with the
      // previous holder.
      ResponsibilityEventType type =
          "gap".equals(entry.alarm)
              ? ResponsibilityEventType.GAP_DETECTED
              : ResponsibilityEventType.NO_RECEIVER;
      events
          .draft(patient, type, entry.validFrom)
          .course(entry.courseId)
          .from(entry.holderSor)
          .rule(entry.alarmIntendedBy != null ? entry.alarmIntendedBy : entry.ruleId)
          .holderRole(entry.holderKind)
          .treatmentSector(
              entry.decision().toDomain().treatmentSectorAt(entry.validFrom, calendar).name())
          .causedBy(cause)
          .detail("alarm", entry.alarm)
          .detail("ledgerEntry", entry.entryNo)
          .detail("validTo", entry.validTo)
          .publish();
      Log.warnf(
          "Alarm %s for %s (ledger entry %d)", entry.alarm, patient.patientKey, entry.entryNo);
    }
  }

  private static List<CourseEvent> effectiveFacts(List<FactRecord> records) {
    Set<String> retracted = new HashSet<>();
    records.forEach(r -> r.retracts().ifPresent(retracted::add));
    return effectiveFacts(records, retracted);
  }

  private static List<CourseEvent> effectiveFacts(List<FactRecord> records, Set<String> retracted) {
    List<CourseEvent> domain = new ArrayList<>();
    for (FactRecord r : records) {
      if (!retracted.contains(r.eventId().toString())) {
        DomainFacts.toDomain(r).ifPresent(domain::add);
      }
    }
    return domain;
  }

  /**
   * Adds the doctor a fact names (an assignment or a handover's receiving doctor) to {@code names}.
   * False when that changes the names: stored entries of earlier instants may name the same doctor
   * (without a name, or with the old one), and only a full rebuild re-issues them.
   */
  private static boolean addDoctorName(Map<String, String> names, FactRecord r) {
    boolean assigned = FactRecord.DOCTOR_ASSIGNED.equals(r.type());
    String id = assigned ? r.detail("doctorId") : r.detail("receivingDoctor");
    String name = assigned ? r.detail("doctorName") : r.detail("receivingDoctorName");
    if (id == null || name == null) {
      return true;
    }
    return name.equals(names.put(id, name));
  }

  private static LedgerEntryRow entry(
      String patientKey,
      long no,
      Span span,
      String causedBy,
      String recordedFor,
      EntryReason reason,
      Instant recordedAt) {
    StoredDecision d = span.decision();
    LedgerEntryRow e = new LedgerEntryRow();
    e.patientKey = patientKey;
    e.entryNo = no;
    e.validFrom = span.from();
    e.validTo = span.to();
    e.holderSor = d.holderSor();
    e.holderKind = d.holderKind();
    e.holderDoctorId = d.doctorId();
    e.holderDoctorName = d.doctorName();
    e.treatment = d.treatment();
    e.ruleId = d.ruleId();
    e.treatmentRuleId = d.treatmentRuleId();
    e.courseKind = d.courseKind();
    e.courseId = d.courseId();
    e.alarm = d.alarm();
    e.alarmReason = d.alarmReason();
    e.alarmIntendedBy = d.alarmIntendedBy();
    e.treatingSor = d.treatingSor();
    e.causedByEvent = causedBy;
    e.recordedForEvent = recordedFor;
    e.reason = reason;
    e.recordedAt = recordedAt;
    e.persist();
    return e;
  }

  private static void correction(String patientKey, long entryNo, long correctsEntry) {
    LedgerCorrection c = new LedgerCorrection();
    c.patientKey = patientKey;
    c.entryNo = entryNo;
    c.correctsEntry = correctsEntry;
    c.persist();
  }

  /** A stored or wanted interval with its decision; equal spans need no new entry. */
  private record Span(Instant from, Instant to, StoredDecision decision) {
    boolean overlaps(Instant otherFrom, Instant otherTo) {
      boolean startsBeforeOtherEnds = otherTo == null || from.isBefore(otherTo);
      boolean otherStartsBeforeThisEnds = to == null || otherFrom.isBefore(to);
      return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
  }
}
