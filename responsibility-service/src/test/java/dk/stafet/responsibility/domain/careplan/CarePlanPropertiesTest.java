package dk.stafet.responsibility.domain.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.responsibility.domain.DomainException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever commands arrive, in whatever order and from whichever organisation: an active plan
 * always has exactly one case manager, an organisation in the plan, and at least one activity; a
 * completed plan had its closing talk first and no open activity; a closed plan never changes; and
 * no plan, nor any effort in it, stays open once its patient has died.
 */
class CarePlanPropertiesTest {

  private static final List<String> ORGS = List.of("MUNI", "GP", "PSY", "OTHER");
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** One command: which, by whom, about which activity/organisation, at which minute. */
  record Step(
      int command, String by, String about, int activity, ActivityStatus status, int minute) {}

  @Property(tries = 2_000)
  void invariantsHoldAfterEveryCommand(@ForAll("steps") List<Step> steps) {
    CarePlan plan = CarePlan.create("p", CarePlanKind.COMPLEX_ADULT, "MUNI", T0, null);
    int added = 0;
    for (Step step : steps) {
      CarePlanStatus before = plan.status();
      String snapshot = describe(plan);
      Instant at = T0.plusSeconds(60L * step.minute());
      try {
        switch (step.command()) {
          case 0 ->
              plan.addActivity(
                  step.by(),
                  new PlanActivity("a" + added++, step.about(), "x", step.status(), null, null));
          case 1 ->
              plan.updateActivity(step.by(), "a" + step.activity(), step.status(), null, null);
          case 2 ->
              plan.chooseCaseManager(
                  step.minute() % 2 == 0 ? null : step.by(),
                  new CaseManager(step.about(), "n", CaseManager.ChosenBy.CITIZEN, at));
          case 3 -> plan.recordClosingTalk(step.by(), at);
          case 4 -> plan.complete(step.by(), at);
          case 5 -> plan.revoke(step.by(), at);
          default -> {
            boolean changed = plan.endOnDeath(at);
            assertThat(changed)
                .as("death changes exactly the open plans")
                .isEqualTo(!before.isClosed());
            assertThat(plan.status().isClosed()).as("no plan survives its patient").isTrue();
            if (changed) {
              assertThat(plan.status()).isEqualTo(CarePlanStatus.REVOKED);
              assertThat(plan.activities()).noneMatch(a -> a.status().isOpen());
            }
          }
        }
      } catch (DomainException refused) {
        assertThat(describe(plan)).as("a refused command changes nothing").isEqualTo(snapshot);
      }
      if (before.isClosed()) {
        assertThat(describe(plan)).as("a closed plan never changes").isEqualTo(snapshot);
      }
      check(plan);
    }
  }

  private static void check(CarePlan plan) {
    if (plan.status() == CarePlanStatus.ACTIVE || plan.status() == CarePlanStatus.COMPLETED) {
      assertThat(plan.caseManager()).isPresent();
      assertThat(plan.participants()).contains(plan.caseManager().get().organisationSor());
      assertThat(plan.activities()).isNotEmpty();
    }
    if (plan.status() == CarePlanStatus.COMPLETED) {
      assertThat(plan.closingTalk()).isPresent();
      assertThat(plan.closingTalk().get().at()).isBeforeOrEqualTo(plan.endedAt().orElseThrow());
      assertThat(plan.activities()).noneMatch(a -> a.status().isOpen());
    }
  }

  private static String describe(CarePlan plan) {
    return plan.status()
        + " "
        + plan.activities()
        + " "
        + plan.caseManager()
        + " "
        + plan.closingTalk()
        + " "
        + plan.endedAt();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> org = Arbitraries.of(ORGS);
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                org,
                org,
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(ActivityStatus.class),
                Arbitraries.integers().between(0, 100))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(30);
  }
}
