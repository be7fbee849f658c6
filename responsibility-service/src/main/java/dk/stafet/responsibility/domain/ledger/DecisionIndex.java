package dk.stafet.responsibility.domain.ledger;

import dk.stafet.responsibility.domain.course.CourseRef;
import dk.stafet.responsibility.domain.rules.Claim;
import dk.stafet.responsibility.domain.rules.PatientSituation;
import dk.stafet.responsibility.domain.rules.ResponsibilityDecision;
import dk.stafet.responsibility.domain.rules.ResponsibilityRules;
import dk.stafet.responsibility.domain.rules.SpecialistTreatmentRule;
import dk.stafet.responsibility.domain.rules.SpecialistTreatmentRule.Treatment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The claims (R21) and treatments (R19) of one patient's courses, kept course by course, so that a
 * decision costs a lookup of the strongest claim instead of a pass over every course.
 *
 * <p>Why: a replay decides after each of several simultaneous events, to name the one that changed
 * the decision ({@link CourseReplay}); deciding over every course each time made an instant with k
 * facts cost k² per fact recorded — the crowded instant of docs/performance.md.
 *
 * <p>Why it decides as {@link ResponsibilityRules#decide(PatientSituation)} does: every claim and
 * treatment belongs to one course and depends on that course and the situation's other fields
 * (listed GP, death, named doctor, return rule, previous decision) only, never on another course.
 * So a course's share is recomputed, from a situation holding that course alone, whenever the
 * course changes, and every share whenever any other field does; the strongest claim of all the
 * shares is the strongest claim of the whole situation. {@code DecisionIndexPropertiesTest} holds
 * the two equal after every event of random courses.
 */
final class DecisionIndex {

  /** One course's claims and bid to treat, as the rules give them for that course alone. */
  private record Share(List<Claim> claims, List<Treatment> treatments) {}

  private final ResponsibilityRules rules;
  private final Map<CourseRef, Share> shares;
  private final TreeSet<Claim> claims;
  private final TreeSet<Treatment> treatments;

  /** The situation without courses that every share was computed in; null before the first. */
  private PatientSituation context;

  DecisionIndex(ResponsibilityRules rules) {
    this.rules = rules;
    this.shares = new HashMap<>();
    this.claims = new TreeSet<>(Claim.STRONGEST_FIRST);
    this.treatments = new TreeSet<>(Treatment.TREATING_FIRST);
  }

  private DecisionIndex(DecisionIndex other) {
    this.rules = other.rules;
    this.shares = new HashMap<>(other.shares);
    this.claims = new TreeSet<>(other.claims);
    this.treatments = new TreeSet<>(other.treatments);
    this.context = other.context;
  }

  DecisionIndex copy() {
    return new DecisionIndex(this);
  }

  /** Whether the shares were computed in this situation without courses. */
  boolean computedIn(PatientSituation withoutCourses) {
    return withoutCourses.equals(context);
  }

  /** Forgets every share; the caller then {@link #put}s every course's share in the new context. */
  void reset(PatientSituation withoutCourses) {
    shares.clear();
    claims.clear();
    treatments.clear();
    context = withoutCourses;
    claims.addAll(rules.claims(withoutCourses)); // claims no course makes: the listed GP's (R5)
  }

  /**
   * Recomputes one course's share.
   *
   * @param course the course
   * @param withOnlyIt the situation without courses plus that course, or null when it has ended
   */
  void put(CourseRef course, PatientSituation withOnlyIt) {
    Share old = shares.remove(course);
    if (old != null) {
      old.claims().forEach(claims::remove);
      old.treatments().forEach(treatments::remove);
    }
    if (withOnlyIt == null) {
      return;
    }
    Share share =
        new Share(
            rules.claims(withOnlyIt).stream().filter(c -> c.course().equals(course)).toList(),
            SpecialistTreatmentRule.treatments(withOnlyIt).stream()
                .filter(t -> t.course().equals(course))
                .toList());
    shares.put(course, share);
    claims.addAll(share.claims());
    treatments.addAll(share.treatments());
  }

  /** The decision over every share, in the situation the shares were computed in. */
  ResponsibilityDecision decide() {
    return rules.decide(
        context,
        claims.isEmpty() ? null : claims.first(),
        () ->
            treatments.isEmpty() ? Optional.empty() : Optional.of(treatments.first().specialist()));
  }
}
