package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import dk.stafet.responsibility.domain.course.NamedDoctor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules engine: a pure function from a {@link PatientSituation} to a {@link
 * ResponsibilityDecision}.
 *
 * <ol>
 *   <li>R20: death decides everything.
 *   <li>Every {@link CourseRule} turns active courses into claims (the table rows R5–R18, R23).
 *   <li>R21: the strongest claim wins — admission &gt; hospital-owned course &gt; GP; within a tier
 *       the most recently started.
 *   <li>R26: a winning claim for "the listed GP" when there is none → previous holder keeps it
 *       (no-receiver) or an explicit gap.
 *   <li>R19 adjusts treatment when the GP level holds PRD; R27 adds the named doctor.
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class ResponsibilityRules {

  private final List<CourseRule> courseRules;

  public ResponsibilityRules(List<CourseRule> courseRules) {
    this.courseRules = List.copyOf(courseRules);
  }

  /** The rules of the brief's table. */
  public static ResponsibilityRules standard() {
    return new ResponsibilityRules(
        List.of(
            new AdmissionRule(),
            new HospitalCourseRule(),
            new AcuteFunctionRule(),
            new ReferralRule(),
            new TransferRule(),
            new ListedGpRule()));
  }

  public List<CourseRule> courseRules() {
    return courseRules;
  }

  /** All claims, strongest first (R21) — useful to explain a decision. */
  public List<Claim> claims(PatientSituation situation) {
    List<Claim> claims = new ArrayList<>();
    for (CourseRule rule : courseRules) {
      claims.addAll(rule.claims(situation));
    }
    claims.sort(Claim.STRONGEST_FIRST);
    return claims;
  }

  public ResponsibilityDecision decide(PatientSituation situation) {
    if (DeathRule.applies(situation)) {
      return ResponsibilityDecision.deceased();
    }
    return decide(
        situation,
        strongest(situation),
        () -> SpecialistTreatmentRule.treatingSpecialist(situation));
  }

  /**
   * {@link #decide(PatientSituation)} given what it needs from the courses: the strongest claim,
   * {@code winner} (null: none), and the treating specialist (R19). The situation's courses are not
   * read, so a caller that keeps the claims and treatments course by course (the ledger's replay,
   * {@code DecisionIndex}) can pass a situation without them. Every claim a rule makes belongs to
   * one course ({@link Claim#course}) and depends on that course and the situation's other fields,
   * never on another course; {@code DecisionIndexPropertiesTest} holds the two ways equal.
   */
  public ResponsibilityDecision decide(
      PatientSituation situation,
      Claim winner,
      Supplier<Optional<Organisation>> treatingSpecialist) {
    if (DeathRule.applies(situation)) {
      return ResponsibilityDecision.deceased();
    }
    if (winner == null) {
      return ResponsibilityDecision.gap("no rule claims responsibility");
    }
    Optional<Organisation> holder = winner.holder().or(situation::listedGp);
    if (holder.isEmpty()) {
      return NoReceiverRule.resolve(situation, winner);
    }
    Organisation organisation = holder.get();
    PatientResponsibleDoctor prd =
        new PatientResponsibleDoctor(organisation, namedDoctorIn(situation, organisation));
    if (organisation.kind() == OrganisationKind.HOSPITAL_DEPARTMENT) {
      return ResponsibilityDecision.held(
          prd, TreatmentArrangement.HOSPITAL_24H, winner.rule(), winner.rule(), winner.course());
    }
    if (organisation.kind() == OrganisationKind.PRACTISING_SPECIALIST) {
      // A specialist holding PRD by handover (R23) treats in its hours itself.
      return ResponsibilityDecision.heldWithSpecialist(
          prd, winner.rule(), winner.rule(), winner.course(), organisation);
    }
    Optional<Organisation> specialist = treatingSpecialist.get();
    if (specialist.isPresent()) { // R19: the GP level keeps PRD, the specialist treats in GP hours
      return ResponsibilityDecision.heldWithSpecialist(
          prd, winner.rule(), RuleId.R19, winner.course(), specialist.get());
    }
    return ResponsibilityDecision.held(
        prd,
        TreatmentArrangement.GP_OUT_OF_HOURS_SPLIT,
        winner.rule(),
        winner.rule(),
        winner.course());
  }

  /**
   * The first of {@link #claims}, without sorting them all: a replay decides once per instant, and
   * once per event at an instant with several, each time over every active course. Ties keep the
   * earlier claim, as the stable sort in {@link #claims} does, so the winner is the same claim.
   */
  private Claim strongest(PatientSituation situation) {
    Claim best = null;
    for (CourseRule rule : courseRules) {
      for (Claim claim : rule.claims(situation)) {
        if (best == null || Claim.STRONGEST_FIRST.compare(claim, best) < 0) {
          best = claim;
        }
      }
    }
    return best;
  }

  /** R27: the named doctor counts only inside the organisation that holds PRD. */
  static Optional<DoctorId> namedDoctorIn(PatientSituation situation, Organisation holder) {
    return situation
        .namedDoctor()
        .filter(named -> named.organisation().id().equals(holder.id()))
        .map(NamedDoctor::doctor);
  }
}
