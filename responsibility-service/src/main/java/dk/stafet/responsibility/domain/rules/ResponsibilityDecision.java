package dk.stafet.responsibility.domain.rules;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.CourseRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is responsible while a situation lasts: the PRD holder, how treatment responsibility is
 * arranged, the rule that decided the PRD (e.g. R6) and the rule that decided treatment (e.g. R19),
 * the course that gives the holder its responsibility (moved by handovers, R23) and any R26 alarm.
 *
 * <p>Exactly one of these holds (R26 invariant): a PRD is present; or it is an explicit gap with a
 * {@link ResponsibilityAlarm.GapAlarm}; or the patient is deceased (R20).
 *
 * <p>{@code treatingSpecialist} names the practising specialist that holds treatment responsibility
 * in GP hours under the {@link TreatmentArrangement#SPECIALIST_OUT_OF_HOURS_SPLIT} (R19), so that
 * an answer can say <em>which</em> specialist treats. The rules always name it with that
 * arrangement; it is never present with another.
 */
public record ResponsibilityDecision(
    Optional<PatientResponsibleDoctor> prd,
    TreatmentArrangement treatment,
    RuleId decidedBy,
    RuleId treatmentDecidedBy,
    Optional<CourseRef> decidingCourse,
    Optional<ResponsibilityAlarm> alarm,
    Optional<Organisation> treatingSpecialist) {

  public ResponsibilityDecision {
    Objects.requireNonNull(prd, "prd");
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(treatmentDecidedBy, "treatmentDecidedBy");
    Objects.requireNonNull(decidingCourse, "decidingCourse");
    Objects.requireNonNull(alarm, "alarm");
    Objects.requireNonNull(treatingSpecialist, "treatingSpecialist");
    // Ledger entries written before the treating specialist was recorded have the split without it.
    if (treatingSpecialist.isPresent()
        && treatment != TreatmentArrangement.SPECIALIST_OUT_OF_HOURS_SPLIT) {
      throw new IllegalArgumentException(
          "R19: a treating specialist is named only with the specialist/OOH split");
    }
    treatingSpecialist.ifPresent(
        s -> {
          if (s.kind() != OrganisationKind.PRACTISING_SPECIALIST) {
            throw new IllegalArgumentException(
                "R19: the treating specialist must be a practising specialist");
          }
        });
    boolean gap = alarm.filter(a -> a instanceof ResponsibilityAlarm.GapAlarm).isPresent();
    boolean deceased = decidedBy == RuleId.R20;
    // R26: never a silent null — no PRD is allowed only as an explicit gap or after death.
    if (prd.isEmpty() && !gap && !deceased) {
      throw new IllegalArgumentException("R26: a decision without PRD must be a gap or death");
    }
    if (prd.isPresent() && (gap || deceased)) {
      throw new IllegalArgumentException("a gap or death decision cannot have a PRD");
    }
    if (prd.isEmpty() && treatment != TreatmentArrangement.NONE) {
      throw new IllegalArgumentException("treatment responsibility without a PRD");
    }
  }

  /** Without a treating specialist (every arrangement but the R19 split). */
  public ResponsibilityDecision(
      Optional<PatientResponsibleDoctor> prd,
      TreatmentArrangement treatment,
      RuleId decidedBy,
      RuleId treatmentDecidedBy,
      Optional<CourseRef> decidingCourse,
      Optional<ResponsibilityAlarm> alarm) {
    this(prd, treatment, decidedBy, treatmentDecidedBy, decidingCourse, alarm, Optional.empty());
  }

  /** A holder decided by {@code rule}. */
  public static ResponsibilityDecision held(
      PatientResponsibleDoctor prd,
      TreatmentArrangement treatment,
      RuleId rule,
      RuleId treatmentRule,
      CourseRef course) {
    return new ResponsibilityDecision(
        Optional.of(prd), treatment, rule, treatmentRule, Optional.of(course), Optional.empty());
  }

  /**
   * R19: a holder decided by {@code rule}, with the practising specialist that treats in GP hours.
   */
  public static ResponsibilityDecision heldWithSpecialist(
      PatientResponsibleDoctor prd,
      RuleId rule,
      RuleId treatmentRule,
      CourseRef course,
      Organisation specialist) {
    return new ResponsibilityDecision(
        Optional.of(prd),
        TreatmentArrangement.SPECIALIST_OUT_OF_HOURS_SPLIT,
        rule,
        treatmentRule,
        Optional.of(course),
        Optional.empty(),
        Optional.of(specialist));
  }

  /** R20: no PRD and no treatment responsibility from the instant of death. */
  public static ResponsibilityDecision deceased() {
    return new ResponsibilityDecision(
        Optional.empty(),
        TreatmentArrangement.NONE,
        RuleId.R20,
        RuleId.R20,
        Optional.empty(),
        Optional.empty());
  }

  /** R26: explicit gap. */
  public static ResponsibilityDecision gap(String reason) {
    return new ResponsibilityDecision(
        Optional.empty(),
        TreatmentArrangement.NONE,
        RuleId.R26,
        RuleId.R26,
        Optional.empty(),
        Optional.of(new ResponsibilityAlarm.GapAlarm(reason)));
  }

  /**
   * R26: {@code intendedBy} found no receiver, so {@code previous} keeps PRD and treatment
   * responsibility.
   */
  public static ResponsibilityDecision noReceiver(
      ResponsibilityDecision previous, RuleId intendedBy, String reason) {
    if (previous.prd().isEmpty()) {
      throw new IllegalArgumentException("R26: only a previous holder can keep responsibility");
    }
    return new ResponsibilityDecision(
        previous.prd(),
        previous.treatment(),
        RuleId.R26,
        RuleId.R26,
        previous.decidingCourse(),
        Optional.of(new ResponsibilityAlarm.NoReceiverAlarm(intendedBy, reason)),
        previous.treatingSpecialist());
  }

  /** The same decision with the PRD's named doctor (R27) replaced; no effect without a PRD. */
  public ResponsibilityDecision withNamedDoctor(Optional<DoctorId> doctor) {
    return new ResponsibilityDecision(
        prd.map(p -> p.withNamedDoctor(doctor)),
        treatment,
        decidedBy,
        treatmentDecidedBy,
        decidingCourse,
        alarm,
        treatingSpecialist);
  }

  public boolean isDeceased() {
    return decidedBy == RuleId.R20;
  }

  public boolean isGap() {
    return prd.isEmpty() && !isDeceased();
  }

  public TreatmentSector treatmentSectorAt(Instant instant, DanishCalendar calendar) {
    return treatment.sectorAt(instant, calendar);
  }
}
