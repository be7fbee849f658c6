package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.course.CourseRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One course's claim to PRD, produced by a {@link CourseRule}. {@code holder} empty means "the
 * patient's own (listed) GP", resolved by the engine — R26 applies if there is none.
 */
public record Claim(
    RuleId rule,
    Precedence precedence,
    Optional<Organisation> holder,
    Instant startedAt,
    CourseRef course) {

  /** R21: stronger tier first; then the most recently started; then course id for determinism. */
  public static final Comparator<Claim> STRONGEST_FIRST =
      Comparator.comparing(Claim::precedence)
          .thenComparing(Claim::startedAt, Comparator.reverseOrder())
          .thenComparing(c -> c.course().kind())
          .thenComparing(c -> c.course().id());

  public Claim {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(precedence, "precedence");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(course, "course");
    // R16: a municipality (or the out-of-hours service) can never be put forward as PRD.
    holder.ifPresent(
        h -> {
          if (!h.kind().mayHoldPrd()) {
            throw new IllegalArgumentException("R16: " + h.kind() + " cannot claim PRD");
          }
        });
  }

  /** A claim by an explicit holder; its tier follows from what kind of organisation it is (R21). */
  public static Claim by(RuleId rule, Organisation holder, Instant startedAt, CourseRef course) {
    Precedence p = holder.isHospital() ? Precedence.HOSPITAL_COURSE : Precedence.GP;
    return new Claim(rule, p, Optional.of(holder), startedAt, course);
  }

  /** A claim for "the patient's own GP" (R5, R13, R14). */
  public static Claim forListedGp(RuleId rule, Instant startedAt, CourseRef course) {
    return new Claim(rule, Precedence.GP, Optional.empty(), startedAt, course);
  }
}
