package dk.stafet.responsibility.domain.property;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.AcuteExit;
import dk.stafet.responsibility.domain.course.AcuteForm;
import dk.stafet.responsibility.domain.course.AdmissionForm;
import dk.stafet.responsibility.domain.course.AgreementChannel;
import dk.stafet.responsibility.domain.course.CourseEvent;
import dk.stafet.responsibility.domain.course.CourseEvent.*;
import dk.stafet.responsibility.domain.course.VisitationOutcome;
import dk.stafet.responsibility.domain.handover.HandoverProposal;
import dk.stafet.responsibility.domain.handover.HandoverState;
import dk.stafet.responsibility.domain.handover.PatientHandovers;
import dk.stafet.responsibility.domain.handover.RelayHandover;
import dk.stafet.responsibility.domain.ledger.CourseReplay;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Turns generated {@link Step}s into a plausible (but not always consistent) course of facts. It
 * plays the real handover state machine against an in-order replay, so proposals come from the
 * current holder (mostly) and the state machine's errors are checked on the way.
 */
final class CourseGenerator {

  static final Organisation GP_1 = Organisation.gp("gp-1");
  static final Organisation GP_2 = Organisation.gp("gp-2");
  static final Organisation DEPT_A = Organisation.hospitalDepartment("dept-a");
  static final Organisation DEPT_B = Organisation.hospitalDepartment("dept-b");
  static final Organisation OOH = Organisation.outOfHoursService("ooh-1");
  static final Organisation MUNI_1 = Organisation.municipality("muni-751");
  static final Organisation MUNI_2 = Organisation.municipality("muni-101");
  static final Organisation SPEC = Organisation.practisingSpecialist("spec-1");
  static final Organisation SPEC_2 = Organisation.practisingSpecialist("spec-2");
  static final Set<String> MUNICIPALITY_IDS = Set.of(MUNI_1.id().sor(), MUNI_2.id().sor());

  private static final Organisation[] DEPTS = {DEPT_A, DEPT_B};
  private static final Organisation[] ACUTE_REFERRERS = {DEPT_A, DEPT_B, GP_1, GP_2, OOH, MUNI_1};
  private static final Organisation[] REFERRERS = {GP_1, DEPT_A, DEPT_B, OOH, GP_2};
  // Referral paths (issue 13): to hospitals and to two practising specialists; forwarded to any of
  // them.
  private static final Organisation[] RECEIVERS = {DEPT_A, DEPT_B, SPEC, SPEC_2};
  private static final Organisation[] SPECIALISTS = {SPEC, SPEC_2};
  private static final Organisation[] HANDOVER_RECEIVERS = {
    GP_1, GP_2, DEPT_A, DEPT_B, SPEC, MUNI_1
  };
  private static final Organisation[] ANYONE = {GP_1, GP_2, DEPT_A, DEPT_B, SPEC, MUNI_1, OOH};

  /**
   * Start instants near calendar edges: DST nights, Easter, Store Bededag 2023/2024, R4 days,
   * 08:00/16:00.
   */
  private static final Instant[] ANCHORS = {
    local("2026-03-27T15:58"), local("2026-10-23T15:58"), local("2026-03-28T23:30"),
    local("2026-10-24T23:30"), local("2026-04-01T15:30"), local("2026-04-06T07:59"),
    local("2023-05-04T15:30"), local("2024-04-25T15:30"), local("2025-12-23T15:30"),
    local("2025-12-30T12:00"), local("2026-06-04T15:30"), local("2026-03-23T07:58")
  };

  private static final Instant RANDOM_START = local("2023-01-01T00:00");
  private static final long RANDOM_SPAN_MINUTES = Duration.ofDays(5 * 365).toMinutes();

  private final DanishCalendar calendar = new DanishCalendar();
  private final CourseReplay replay;

  // generation state
  private final List<CourseEvent> facts = new ArrayList<>();
  private final List<String> openAdmissions = new ArrayList<>();
  private final List<String> allAdmissions = new ArrayList<>();
  private final List<String> openOutpatient = new ArrayList<>();
  private final List<String> openIv = new ArrayList<>();
  private final List<String> openAcute = new ArrayList<>();
  private final List<String> referrals = new ArrayList<>();
  private final List<String> openSpecialist = new ArrayList<>();
  private final PatientHandovers handovers = new PatientHandovers();
  private final List<RelayHandover> pending = new ArrayList<>();
  private Instant now;
  private Instant deathAt;
  private int counter;
  private int handoverChecks;

  private CourseGenerator(CourseReplay replay) {
    this.replay = replay;
  }

  static GeneratedCourse generate(
      CourseReplay replay,
      int anchor,
      int startJitter,
      boolean listedGp,
      List<Step> steps,
      long deliverySeed) {
    return new CourseGenerator(replay).run(anchor, startJitter, listedGp, steps, deliverySeed);
  }

  private static Instant local(String t) {
    return LocalDateTime.parse(t).atZone(DanishCalendar.ZONE).toInstant();
  }

  private GeneratedCourse run(
      int anchor, int startJitter, boolean listedGp, List<Step> steps, long deliverySeed) {
    now =
        anchor < ANCHORS.length
            ? ANCHORS[anchor].plusSeconds(startJitter % 3)
            : RANDOM_START.plus(
                Duration.ofMinutes(Math.floorMod((long) startJitter * 7919L, RANDOM_SPAN_MINUTES)));
    if (listedGp) {
      add(new ListedGpChanged(nextId(), now, Optional.of(GP_1)));
    }
    for (Step step : steps) {
      now = advance(now, step.gap(), step.pick());
      apply(step);
    }
    List<CourseEvent> delivery = new ArrayList<>(facts);
    Random random = new Random(deliverySeed);
    if (random.nextInt(4) != 0) { // mostly out of order; sometimes in order
      Collections.shuffle(delivery, random);
    }
    return new GeneratedCourse(
        List.copyOf(facts), List.copyOf(delivery), MUNICIPALITY_IDS, deliverySeed, handoverChecks);
  }

  private Instant advance(Instant t, int gap, int pick) {
    switch (gap) {
      case 0:
        return t; // simultaneous events
      case 1:
        return t.plusSeconds(1);
      case 2:
        return t.plusSeconds(59);
      case 3:
        return t.plus(Duration.ofMinutes(17));
      case 4:
        return t.plus(Duration.ofMinutes(60 + pick % 60));
      case 5:
        return t.plus(Duration.ofHours(5));
      case 6:
        return t.plus(Duration.ofDays(1));
      case 7:
        return t.plus(Duration.ofHours(60 + pick % 24));
      case 8:
        return calendar.nextBoundary(t); // exactly 08:00 / 16:00
      case 9:
        return max(t, calendar.nextBoundary(t).minusSeconds(1));
      default:
        return calendar.nextBoundary(t).plusSeconds(1);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private String nextId() {
    ++counter;
    return counter < 10 ? "e00" + counter : counter < 100 ? "e0" + counter : "e" + counter;
  }

  private void add(CourseEvent e) {
    facts.add(e);
  }

  private static <T> T pick(T[] options, int pick) {
    return options[Math.floorMod(pick, options.length)];
  }

  private static String pickFrom(List<String> open, int pick, String orphan) {
    return open.isEmpty() ? orphan : open.get(Math.floorMod(pick, open.size()));
  }

  private void apply(Step step) {
    int k = step.kind();
    int p = step.pick();
    String id = nextId();
    if (k < 5) {
      add(
          new ListedGpChanged(
              id, now, p % 3 == 0 ? Optional.empty() : Optional.of(p % 3 == 1 ? GP_1 : GP_2)));
    } else if (k < 14) {
      String adm = "adm" + counter;
      openAdmissions.add(adm);
      allAdmissions.add(adm);
      add(
          new AdmissionStarted(
              id,
              now,
              adm,
              pick(DEPTS, p),
              p % 5 == 0 ? AdmissionForm.EMERGENCY_CONTACT : AdmissionForm.INPATIENT));
    } else if (k < 17) {
      add(new AdmissionCancelled(id, now, pickFrom(allAdmissions, p, "adm-orphan")));
    } else if (k < 20) {
      add(new LeaveStarted(id, now, pickFrom(openAdmissions, p, "adm-orphan")));
    } else if (k < 23) {
      add(new LeaveEnded(id, now, pickFrom(openAdmissions, p, "adm-orphan")));
    } else if (k < 31) {
      String adm = pickFrom(openAdmissions, p, "adm-orphan");
      openAdmissions.remove(adm);
      boolean unfinished = p % 3 == 0;
      if (unfinished) {
        openOutpatient.add(adm); // the follow-up is ended like an outpatient course
      }
      add(new Discharged(id, now, adm, unfinished));
    } else if (k < 36) {
      String c = "op" + counter;
      openOutpatient.add(c);
      add(new OutpatientCourseStarted(id, now, c, pick(DEPTS, p)));
    } else if (k < 40) {
      String c = pickFrom(openOutpatient, p, "op-orphan");
      openOutpatient.remove(c);
      add(new OutpatientCourseEnded(id, now, c));
    } else if (k < 44) {
      String c = "iv" + counter;
      openIv.add(c);
      add(new IvTreatmentStarted(id, now, c, pick(DEPTS, p)));
    } else if (k < 47) {
      String c = pickFrom(openIv, p, "iv-orphan");
      openIv.remove(c);
      add(new IvTreatmentEnded(id, now, c));
    } else if (k < 53) {
      String c = "ac" + counter;
      openAcute.add(c);
      add(
          new AcuteFunctionCourseStarted(
              id,
              now,
              c,
              p % 2 == 0 ? MUNI_1 : MUNI_2,
              pick(ACUTE_REFERRERS, p),
              p % 2 == 0 ? AcuteForm.TEAM : AcuteForm.PLACE));
    } else if (k < 57) {
      String c = pickFrom(openAcute, p, "ac-orphan");
      openAcute.remove(c);
      add(new AcuteFunctionCourseEnded(id, now, c, pick(AcuteExit.values(), p)));
    } else if (k < 59) {
      add(new AcuteReferralDeclined(id, now, MUNI_1, pick(ACUTE_REFERRERS, p)));
    } else if (k < 63) {
      String r = "ref" + counter;
      referrals.add(r);
      add(new ReferralReceived(id, now, r, pick(REFERRERS, p), pick(RECEIVERS, p / 5)));
    } else if (k < 66) {
      VisitationOutcome outcome = pick(VisitationOutcome.values(), p);
      add(
          new ReferralVisited(
              id,
              now,
              pickFrom(referrals, p, "ref-orphan"),
              outcome,
              outcome == VisitationOutcome.FORWARDED
                  ? Optional.of(pick(RECEIVERS, p / 3))
                  : Optional.empty()));
    } else if (k < 70) {
      add(new ReferralStarted(id, now, pickFrom(referrals, p, "ref-orphan")));
    } else if (k < 73) {
      add(new ReferralEnded(id, now, pickFrom(referrals, p, "ref-orphan"), p % 3 == 0));
    } else if (k < 76) {
      String c = "sp" + counter;
      openSpecialist.add(c);
      add(new SpecialistCourseStarted(id, now, c, pick(SPECIALISTS, p)));
    } else if (k < 78) {
      String c = pickFrom(openSpecialist, p, "sp-orphan");
      openSpecialist.remove(c);
      add(new SpecialistCourseEnded(id, now, c));
    } else if (k < 80) {
      add(new Death(id, now));
      if (deathAt == null) {
        deathAt = now;
        handovers.voidAllOnDeath(now); // R20
      }
    } else if (k < 88) {
      proposeHandover(id, p);
    } else if (k < 95) {
      answerHandover(id, p);
    } else {
      Organisation org =
          p % 5 == 0
              ? pick(ANYONE, p / 5)
              : currentDecision().prd().map(prd -> prd.organisation()).orElse(GP_1);
      add(new ResponsibleDoctorAssigned(id, now, org, DoctorId.of("doc-" + (p % 4))));
    }
  }

  private ResponsibilityDecision currentDecision() {
    return replay.replay(facts).decisionAt(now);
  }

  /** R23: propose from the current holder (sometimes from someone else, which must be refused). */
  private void proposeHandover(String id, int p) {
    ResponsibilityDecision current = currentDecision();
    Organisation holder = current.prd().map(prd -> prd.organisation()).orElse(GP_1);
    Organisation proposer = p % 7 == 0 ? pick(ANYONE, p / 7) : holder;
    Organisation receiver = pick(HANDOVER_RECEIVERS, p / 3);
    Instant respondBy = now.plus(Duration.ofMinutes(30 + p % 3000));
    HandoverProposal proposal =
        new HandoverProposal(
            "h-" + id,
            proposer,
            receiver,
            p % 2 == 0 ? Optional.of(DoctorId.of("doc-r" + p % 3)) : Optional.empty(),
            "reason",
            p % 2 == 0,
            p % 3 == 0,
            now,
            respondBy);
    try {
      RelayHandover h = RelayHandover.propose(proposal, current);
      handovers.add(h);
      pending.add(h);
      check(
          current.prd().isPresent()
              && !proposer.id().equals(receiver.id())
              && proposer.id().equals(holder.id())
              && receiver.kind().mayHoldPrd(),
          "proposal should have been refused");
    } catch (DomainException e) {
      handoverChecks++;
      Set<DomainErrorCode> allowed =
          EnumSet.of(
              DomainErrorCode.HANDOVER_NOT_CURRENT_HOLDER,
              DomainErrorCode.HANDOVER_TO_SELF,
              DomainErrorCode.HANDOVER_RECEIVER_CANNOT_HOLD_PRD,
              DomainErrorCode.HANDOVER_ADMISSION_TO_NON_HOSPITAL,
              DomainErrorCode.HANDOVER_NO_HOLDER,
              DomainErrorCode.HANDOVER_VOID);
      check(allowed.contains(e.code()), "unexpected refusal");
      check(!e.getMessage().contains("reason"), "clinical text leaked into an error message");
    }
  }

  /** R23/R24: accept, reject, time out (then maybe accept late), or a wrong actor (refused). */
  private void answerHandover(String id, int p) {
    if (pending.isEmpty()) {
      add(new AcuteReferralDeclined(id, now, MUNI_2, GP_1)); // keep the step count meaningful
      return;
    }
    RelayHandover h = pending.get(Math.floorMod(p, pending.size()));
    Organisation receiver = h.proposal().receiver();
    boolean gpAgreementNeeded =
        h.proposal().proposer().isHospital()
            && receiver.kind() == dk.stafet.responsibility.domain.OrganisationKind.GP;
    try {
      switch (p % 5) {
        case 0:
        case 1:
          {
            Optional<AgreementChannel> channel =
                gpAgreementNeeded || p % 2 == 0
                    ? Optional.of(p % 4 == 0 ? AgreementChannel.ORAL : AgreementChannel.ELECTRONIC)
                    : Optional.empty();
            add(h.accept(receiver, now, id, channel));
            pending.remove(h);
            check(deathAt == null, "accepted a void handover");
            break;
          }
        case 2:
          h.reject(receiver, now);
          pending.remove(h);
          check(deathAt == null, "rejected a void handover");
          break;
        case 3:
          {
            boolean due = !now.isBefore(h.proposal().respondBy());
            boolean wasProposed = h.state() == HandoverState.PROPOSED;
            check(
                h.timeout(now).isPresent() == (due && wasProposed),
                "timeout alarm at the wrong moment");
            handoverChecks++;
            break;
          }
        default:
          {
            Organisation wrong = receiver.id().equals(GP_2.id()) ? DEPT_B : GP_2;
            try {
              h.accept(wrong, now, id, Optional.of(AgreementChannel.ORAL));
              check(false, "a non-receiver accepted");
            } catch (DomainException e) {
              handoverChecks++;
              check(
                  e.code()
                      == (deathAt != null
                          ? DomainErrorCode.HANDOVER_VOID
                          : DomainErrorCode.HANDOVER_NOT_RECEIVER),
                  "unexpected code " + e.code());
            }
            break;
          }
      }
    } catch (DomainException e) {
      handoverChecks++;
      check(
          deathAt != null && e.code() == DomainErrorCode.HANDOVER_VOID,
          "unexpected refusal " + e.code());
      pending.remove(h);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
