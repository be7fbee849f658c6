package dk.stafet.responsibility.domain.property;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.PatientKey;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionCancelled;
import dk.stafet.responsibility.domain.course.CourseEvent.AdmissionStarted;
import dk.stafet.responsibility.domain.course.CourseEvent.Death;
import dk.stafet.responsibility.domain.course.CourseEvent.Discharged;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.ledger.LedgerEntry;
import dk.stafet.responsibility.domain.ledger.ResponsibilityLedger;
import dk.stafet.responsibility.domain.ledger.Timeline;
import dk.stafet.responsibility.domain.ledger.TimelineSegment;
import dk.stafet.responsibility.domain.rules.CalleeRole;
import dk.stafet.responsibility.domain.rules.ResponsibilityAlarm;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.RuleId;
import dk.stafet.responsibility.domain.rules.TreatmentArrangement;
import dk.stafet.responsibility.domain.rules.TreatmentSector;
import dk.stafet.responsibility.domain.rules.WhoToCall;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the invariants of the brief on one generated course. Independent of the rules where it can
 * be: death and admissions are re-derived from the facts by a few lines of code here.
 */
final class InvariantChecker {

  private static final PatientKey PATIENT = new PatientKey("property-patient");
  private static final int RANDOM_INSTANTS = 6;
  private static final int MAX_BOUNDARIES = 12;

  private final CourseReplay replay;
  private final DanishCalendar calendar;
  private final WhoToCallPolicy policy;
  long instantsChecked;

  InvariantChecker(CourseReplay replay, DanishCalendar calendar) {
    this.replay = replay;
    this.calendar = calendar;
    this.policy = new WhoToCallPolicy(calendar, CourseGenerator.OOH);
  }

  void check(GeneratedCourse course) {
    if (course.facts().isEmpty()) {
      return;
    }
    // The ledger, fed in the (usually shuffled) delivery order, entry by entry.
    ResponsibilityLedger ledger = new ResponsibilityLedger(PATIENT, replay.rules());
    Instant recordedAt = Instant.parse("2030-01-01T00:00:00Z");
    List<LedgerEntry> appended = new ArrayList<>();
    for (CourseEvent e : course.deliveryOrder()) {
      appended.addAll(ledger.record(e, recordedAt).appended());
      recordedAt = recordedAt.plusSeconds(1);
    }
    // Append-only: the log is exactly the entries appended, in order — nothing updated or removed.
    require(ledger.entries().equals(appended), "ledger entries changed in place");
    // Order independence: the incrementally built current view equals a fresh replay in time order.
    Timeline fresh = replay.replay(course.facts());
    List<TimelineSegment> view = new ArrayList<>();
    for (LedgerEntry e : ledger.currentView()) {
      view.add(new TimelineSegment(e.validFrom(), e.validTo(), e.decision(), e.decidingEventId()));
    }
    require(view.equals(fresh.segments()), "ledger view differs from a fresh replay");
    requireContiguous(view);

    Instant deathAt =
        course.facts().stream()
            .filter(e -> e instanceof Death)
            .map(CourseEvent::occurredAt)
            .min(Instant::compareTo)
            .orElse(null);
    List<Instant[]> admitted = openAdmissionIntervals(course.facts(), deathAt);
    Instant first =
        course.facts().stream().map(CourseEvent::occurredAt).min(Instant::compareTo).orElseThrow();

    for (Instant t : checkInstants(course)) {
      instantsChecked++;
      ResponsibilityDecision d = ledger.decisionAt(t);
      require(d.equals(fresh.decisionAt(t)), "point-in-time answer differs from a fresh replay");
      checkDecision(d, t, course.municipalityIds());
      // nothing after death; death only from its instant
      require(
          d.isDeceased() == (deathAt != null && !t.isBefore(deathAt)),
          "death at the wrong instants");
      // nothing known before the first fact: explicit gap
      if (t.isBefore(first)) {
        require(d.isGap(), "no facts yet must be an explicit gap");
      }
      // R6/R21: while an (uncancelled) admission is open, a hospital department holds PRD
      if (isInside(admitted, t)) {
        require(
            d.prd().map(p -> p.organisation().isHospital()).orElse(false)
                && Set.of(RuleId.R6, RuleId.R7, RuleId.R23).contains(d.decidedBy()),
            () -> "admitted but PRD is not a hospital department by R6/R7/R23: " + d);
      } else {
        // and the reverse: R6/R7 only while admitted (R8: a cancelled admission never counts)
        require(
            d.decidedBy() != RuleId.R6 && d.decidedBy() != RuleId.R7,
            () -> "R6/R7 outside an admission: " + d);
      }
      checkWhoToCall(ledger, d, t);
    }
  }

  private void checkDecision(ResponsibilityDecision d, Instant t, Set<String> municipalityIds) {
    boolean hasPrd = d.prd().isPresent();
    boolean gap = d.alarm().filter(a -> a instanceof ResponsibilityAlarm.GapAlarm).isPresent();
    // R26: exactly one PRD, or an explicit gap alarm, or death — never a silent nothing
    require(
        (hasPrd ? 1 : 0) + (gap ? 1 : 0) + (d.isDeceased() ? 1 : 0) == 1,
        () -> "not exactly one of PRD/gap/death: " + d);
    TreatmentSector sector = d.treatmentSectorAt(t, calendar);
    require(
        hasPrd == (sector != TreatmentSector.NONE),
        "treatment responsibility without PRD or vice versa");
    if (hasPrd) {
      Organisation holder = d.prd().get().organisation();
      // R16: never a municipality (nor the out-of-hours service) as PRD
      require(
          holder.kind() != OrganisationKind.MUNICIPALITY
              && holder.kind() != OrganisationKind.OUT_OF_HOURS_SERVICE
              && !municipalityIds.contains(holder.id().sor()),
          "municipality or OOH as PRD");
      require(d.decidedBy() != RuleId.R26 || d.alarm().isPresent(), "R26 without its alarm");
      // named doctor only inside the holding organisation (R27) — by construction, checked anyway
      // R2: split sectors follow GP hours
      if (sector == TreatmentSector.GP || sector == TreatmentSector.SPECIALIST) {
        require(calendar.isGpHours(t), "GP/specialist treatment outside GP hours");
      }
      if (sector == TreatmentSector.OUT_OF_HOURS) {
        require(!calendar.isGpHours(t), "out-of-hours treatment inside GP hours");
      }
      // R19: a specialist treats only when named, a practising specialist, under the specialist/OOH
      // split
      require(
          d.treatingSpecialist().isPresent()
              == (d.treatment() == TreatmentArrangement.SPECIALIST_OUT_OF_HOURS_SPLIT),
          () ->
              "treating specialist named without the specialist split, or the split without one: "
                  + d);
      d.treatingSpecialist()
          .ifPresent(
              s ->
                  require(
                      s.kind() == OrganisationKind.PRACTISING_SPECIALIST,
                      "treating specialist of the wrong kind"));
      // R19/R21: the specialist split only changes treatment where the GP level holds PRD (never a
      // hospital)
      require(
          d.treatment() != TreatmentArrangement.SPECIALIST_OUT_OF_HOURS_SPLIT
              || !holder.isHospital(),
          "a hospital PRD with specialist treatment");
    }
  }

  /**
   * R22 against the table: hospital → that department 24 h; GP → GP in GP hours, else OOH; nobody
   * after death.
   */
  private void checkWhoToCall(ResponsibilityLedger ledger, ResponsibilityDecision d, Instant t) {
    WhoToCall call = policy.whoToCall(d, t);
    if (d.prd().isEmpty()) {
      require(
          call.role() == CalleeRole.NOBODY && call.organisation().isEmpty(),
          "someone to call without PRD");
      return;
    }
    Organisation holder = d.prd().get().organisation();
    if (holder.isHospital()) {
      require(
          call.role() == CalleeRole.HOSPITAL_DEPARTMENT_24H
              && call.organisation().get().equals(holder)
              && call.validUntil().isEmpty(),
          "hospital PRD must be called on its 24-h line");
    } else if (calendar.isGpHours(t)) {
      require(call.organisation().get().equals(holder), "GP hours: call the PRD practice");
      require(
          call.validUntil().get().equals(calendar.nextBoundary(t)),
          "GP hours answer must hold until 16:00");
    } else {
      require(
          call.role() == CalleeRole.OUT_OF_HOURS_SERVICE
              && call.organisation().get().equals(CourseGenerator.OOH),
          "out-of-hours: call the out-of-hours service");
      require(call.validUntil().get().isAfter(t), "validUntil must be in the future");
    }
    WhoToCall fromLedger = ledger.whoToCall(t, policy);
    Optional<Instant> entryEnd = ledger.entryAt(t).flatMap(LedgerEntry::validTo);
    require(fromLedger.organisation().equals(call.organisation()), "ledger who-to-call differs");
    entryEnd.ifPresent(
        end ->
            require(
                fromLedger.validUntil().isPresent() && !fromLedger.validUntil().get().isAfter(end),
                "who-to-call must not outlive the ledger entry"));
  }

  /** Event instants ±1 s, GP-hours boundaries ±1 s in the course's span, and random instants. */
  private Set<Instant> checkInstants(GeneratedCourse course) {
    TreeSet<Instant> instants = new TreeSet<>();
    for (CourseEvent e : course.facts()) {
      instants.add(e.occurredAt());
      instants.add(e.occurredAt().minusSeconds(1));
      instants.add(e.occurredAt().plusSeconds(1));
    }
    Instant first = instants.first();
    Instant last = instants.last().plus(Duration.ofDays(1));
    Instant b = first;
    for (int i = 0; i < MAX_BOUNDARIES && b.isBefore(last); i++) {
      b = calendar.nextBoundary(b);
      instants.add(b);
      instants.add(b.minusSeconds(1));
      instants.add(b.plusSeconds(1));
    }
    Random random = new Random(course.seed());
    long span = Math.max(1, Duration.between(first, last).getSeconds());
    for (int i = 0; i < RANDOM_INSTANTS; i++) {
      instants.add(
          first.minusSeconds(3600).plusSeconds((long) (random.nextDouble() * (span + 3600))));
    }
    return instants;
  }

  /**
   * Independent re-derivation of when the patient is admitted: in event-time order (id tie-break),
   * an admission opens at its start and closes at its discharge or at death; cancelled ones never
   * open.
   */
  private static List<Instant[]> openAdmissionIntervals(List<CourseEvent> facts, Instant deathAt) {
    List<CourseEvent> ordered = new ArrayList<>(facts);
    ordered.sort(CourseReplay.EVENT_TIME_ORDER);
    Set<String> cancelled = new HashSet<>();
    for (CourseEvent e : ordered) {
      if (e instanceof AdmissionCancelled c) {
        cancelled.add(c.admissionId());
      }
    }
    Map<String, Instant> open = new HashMap<>();
    List<Instant[]> intervals = new ArrayList<>();
    for (CourseEvent e : ordered) {
      if (deathAt != null && !e.occurredAt().isBefore(deathAt)) {
        break;
      }
      if (e instanceof AdmissionStarted a && !cancelled.contains(a.admissionId())) {
        open.putIfAbsent(a.admissionId(), a.occurredAt());
      } else if (e instanceof Discharged d && open.containsKey(d.admissionId())) {
        intervals.add(new Instant[] {open.remove(d.admissionId()), d.occurredAt()});
      }
    }
    for (Instant start : open.values()) {
      intervals.add(new Instant[] {start, deathAt != null ? deathAt : Instant.MAX});
    }
    return intervals;
  }

  private static boolean isInside(List<Instant[]> intervals, Instant t) {
    for (Instant[] i : intervals) {
      if (!t.isBefore(i[0]) && t.isBefore(i[1])) {
        return true;
      }
    }
    return false;
  }

  private static void requireContiguous(List<TimelineSegment> view) {
    for (int i = 0; i < view.size(); i++) {
      TimelineSegment s = view.get(i);
      if (i + 1 < view.size()) {
        require(
            s.validTo().equals(Optional.of(view.get(i + 1).validFrom())),
            "timeline not contiguous");
      } else {
        require(s.validTo().isEmpty(), "last entry must be open");
      }
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  /** Builds the message only on failure: these checks run millions of times. */
  private static void require(boolean ok, java.util.function.Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }
}
