package dk.stafet.responsibility.domain.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.responsibility.domain.DomainErrorCode;
import dk.stafet.responsibility.domain.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared plan's state machine (brief C10), without Quarkus. */
class CarePlanTest {

  static final String MUNICIPALITY = "MUNI";
  static final String GP = "GP";
  static final String PSYCHIATRY = "PSY";
  static final String OUTSIDER = "OTHER";
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final LocalDate BORN = LocalDate.of(2010, 6, 15);

  static CarePlan draft() {
    return CarePlan.create("plan-1", CarePlanKind.CHILD, MUNICIPALITY, T0, BORN);
  }

  static PlanActivity activity(String id, String owner, ActivityStatus status) {
    return new PlanActivity(id, owner, "indsats", status, LocalDate.of(2026, 3, 2), null);
  }

  /** Active: the municipality's and psychiatry's parallel efforts, the municipality manages. */
  static CarePlan active() {
    CarePlan plan = draft();
    plan.addActivity(MUNICIPALITY, activity("a1", MUNICIPALITY, ActivityStatus.ACTIVE));
    plan.addActivity(MUNICIPALITY, activity("a2", PSYCHIATRY, ActivityStatus.PLANNED));
    plan.chooseCaseManager(null, manager(MUNICIPALITY, CaseManager.ChosenBy.CITIZEN));
    return plan;
  }

  static CaseManager manager(String sor, CaseManager.ChosenBy by) {
    return new CaseManager(sor, "Sagsbehandler", by, T0);
  }

  @Test
  void becomesActiveOnlyWithAnActivityAndACaseManagerInWhicheverOrder() {
    CarePlan managerFirst = draft();
    managerFirst.addActivity(MUNICIPALITY, activity("a1", MUNICIPALITY, ActivityStatus.PLANNED));
    assertThat(managerFirst.status()).isEqualTo(CarePlanStatus.DRAFT);
    managerFirst.chooseCaseManager(MUNICIPALITY, manager(MUNICIPALITY, CaseManager.ChosenBy.STAFF));
    assertThat(managerFirst.status()).isEqualTo(CarePlanStatus.ACTIVE);
  }

  @Test
  void parallelEffortsOfSeveralOrganisationsMakeThemAllParticipants() {
    CarePlan plan = active();
    plan.addActivity(PSYCHIATRY, activity("a3", GP, ActivityStatus.ACTIVE));
    assertThat(plan.activities()).filteredOn(a -> a.status().isOpen()).hasSize(3);
    assertThat(plan.participants()).containsExactly(MUNICIPALITY, PSYCHIATRY, GP);
  }

  @Test
  void theCitizenMayChooseAnotherOrganisationInThePlanWhichReplacesTheFirst() {
    CarePlan plan = active();
    plan.chooseCaseManager(null, manager(PSYCHIATRY, CaseManager.ChosenBy.CITIZEN));
    assertThat(plan.caseManager()).map(CaseManager::organisationSor).contains(PSYCHIATRY);
  }

  @Test
  void completesAfterTheClosingTalkWhenEveryActivityIsFinished() {
    CarePlan plan = active();
    plan.updateActivity(
        MUNICIPALITY, "a1", ActivityStatus.COMPLETED, null, LocalDate.of(2026, 5, 1));
    plan.updateActivity(PSYCHIATRY, "a2", ActivityStatus.CANCELLED, null, null);
    plan.recordClosingTalk(PSYCHIATRY, T0.plusSeconds(3600));
    plan.complete(MUNICIPALITY, T0.plusSeconds(7200));
    assertThat(plan.status()).isEqualTo(CarePlanStatus.COMPLETED);
    assertThat(plan.endedAt()).contains(T0.plusSeconds(7200));
    assertThat(plan.activities().get(0).end()).isEqualTo(LocalDate.of(2026, 5, 1));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refused(
            "complete without the closing talk",
            CarePlanTest::active,
            p -> p.complete(MUNICIPALITY, T0),
            DomainErrorCode.CAREPLAN_CLOSING_TALK_MISSING),
        refused(
            "complete with an activity still open",
            CarePlanTest::active,
            p -> {
              p.recordClosingTalk(MUNICIPALITY, T0);
              p.complete(MUNICIPALITY, T0.plusSeconds(60));
            },
            DomainErrorCode.CAREPLAN_OPEN_ACTIVITIES),
        refused(
            "closing talk after the completion time",
            CarePlanTest::finishedActivities,
            p -> {
              p.recordClosingTalk(MUNICIPALITY, T0.plusSeconds(600));
              p.complete(MUNICIPALITY, T0);
            },
            DomainErrorCode.CAREPLAN_CLOSING_TALK_AFTER_COMPLETION),
        refused(
            "closing talk on a draft",
            CarePlanTest::draft,
            p -> p.recordClosingTalk(MUNICIPALITY, T0),
            DomainErrorCode.CAREPLAN_NOT_ACTIVE),
        refused(
            "complete a draft",
            CarePlanTest::draft,
            p -> p.complete(MUNICIPALITY, T0),
            DomainErrorCode.CAREPLAN_NOT_ACTIVE),
        refused(
            "an organisation outside the plan adds an activity",
            CarePlanTest::active,
            p -> p.addActivity(OUTSIDER, activity("a9", OUTSIDER, ActivityStatus.PLANNED)),
            DomainErrorCode.CAREPLAN_NOT_PARTICIPANT),
        refused(
            "an organisation outside the plan completes it",
            CarePlanTest::active,
            p -> p.revoke(OUTSIDER, T0),
            DomainErrorCode.CAREPLAN_NOT_PARTICIPANT),
        refused(
            "case manager from outside the plan",
            CarePlanTest::active,
            p -> p.chooseCaseManager(null, manager(OUTSIDER, CaseManager.ChosenBy.CITIZEN)),
            DomainErrorCode.CAREPLAN_CASE_MANAGER_NOT_IN_PLAN),
        refused(
            "case manager whose only activity is cancelled",
            CarePlanTest::active,
            p -> {
              p.updateActivity(MUNICIPALITY, "a2", ActivityStatus.CANCELLED, null, null);
              p.chooseCaseManager(null, manager(PSYCHIATRY, CaseManager.ChosenBy.CITIZEN));
            },
            DomainErrorCode.CAREPLAN_CASE_MANAGER_NOT_IN_PLAN),
        refused(
            "a completed activity reopened",
            CarePlanTest::active,
            p -> {
              p.updateActivity(MUNICIPALITY, "a1", ActivityStatus.COMPLETED, null, null);
              p.updateActivity(MUNICIPALITY, "a1", ActivityStatus.ACTIVE, null, null);
            },
            DomainErrorCode.CAREPLAN_ACTIVITY_TRANSITION),
        refused(
            "an active activity back to planned",
            CarePlanTest::active,
            p -> p.updateActivity(MUNICIPALITY, "a1", ActivityStatus.PLANNED, null, null),
            DomainErrorCode.CAREPLAN_ACTIVITY_TRANSITION),
        refused(
            "an activity ending before it starts",
            CarePlanTest::active,
            p -> p.updateActivity(MUNICIPALITY, "a1", null, null, LocalDate.of(2026, 1, 1)),
            DomainErrorCode.CAREPLAN_INVALID_PERIOD),
        refused(
            "an unknown activity",
            CarePlanTest::active,
            p -> p.updateActivity(MUNICIPALITY, "nope", ActivityStatus.ACTIVE, null, null),
            DomainErrorCode.CAREPLAN_ACTIVITY_UNKNOWN),
        refused(
            "anything after completion",
            CarePlanTest::completed,
            p -> p.addActivity(MUNICIPALITY, activity("a9", GP, ActivityStatus.PLANNED)),
            DomainErrorCode.CAREPLAN_CLOSED),
        refused(
            "anything after revocation",
            CarePlanTest::revoked,
            p -> p.chooseCaseManager(null, manager(MUNICIPALITY, CaseManager.ChosenBy.CITIZEN)),
            DomainErrorCode.CAREPLAN_CLOSED),
        refused(
            "a child's plan for someone already 18",
            () -> CarePlan.create("p", CarePlanKind.CHILD, GP, T0, LocalDate.of(2008, 3, 2)),
            p -> {},
            DomainErrorCode.CAREPLAN_CHILD_OF_AGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(
      String what,
      java.util.function.Supplier<CarePlan> given,
      Consumer<CarePlan> command,
      DomainErrorCode code) {
    assertThatThrownBy(() -> command.accept(given.get()))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo(code);
  }

  @Test
  void aChildsPlanShowsTheTransitionAt18AndNeedsAttentionFromTheNoticeOn() {
    CarePlan plan = active();
    Period notice = Period.ofDays(90);
    assertThat(plan.transitionAt()).contains(LocalDate.of(2028, 6, 15));
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 3, 16), notice)).isFalse();
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 3, 17), notice)).isTrue();
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 7, 1), notice)).isTrue();
    plan.revoke(MUNICIPALITY, T0);
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 7, 1), notice)).isFalse();
  }

  @Test
  void deathRevokesAnOpenPlanAndCancelsItsOpenEffortsButKeepsFinishedOnes() {
    CarePlan plan = active();
    plan.updateActivity(MUNICIPALITY, "a1", ActivityStatus.COMPLETED, null, null);
    Instant died = T0.plusSeconds(86_400);

    assertThat(plan.endOnDeath(died)).isTrue();

    assertThat(plan.status()).isEqualTo(CarePlanStatus.REVOKED);
    assertThat(plan.endedAt()).contains(died);
    assertThat(plan.activities())
        .extracting(PlanActivity::status)
        .containsExactly(ActivityStatus.COMPLETED, ActivityStatus.CANCELLED);
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 7, 1), Period.ofDays(90)))
        .isFalse();
  }

  @Test
  void deathLeavesAPlanThatHadAlreadyEndedAsItEnded() {
    CarePlan plan = completed();
    assertThat(plan.endOnDeath(T0.plusSeconds(86_400))).isFalse();
    assertThat(plan.status()).isEqualTo(CarePlanStatus.COMPLETED);
    assertThat(plan.endedAt()).contains(T0);
  }

  @Test
  void anAdultPlanHasNoTransition() {
    CarePlan plan = CarePlan.create("p", CarePlanKind.COMPLEX_ADULT, GP, T0, BORN);
    assertThat(plan.transitionAt()).isEmpty();
    assertThat(plan.transitionNeedsAttention(LocalDate.of(2028, 7, 1), Period.ofDays(90)))
        .isFalse();
  }

  static CarePlan finishedActivities() {
    CarePlan plan = active();
    plan.updateActivity(MUNICIPALITY, "a1", ActivityStatus.COMPLETED, null, null);
    plan.updateActivity(MUNICIPALITY, "a2", ActivityStatus.COMPLETED, null, null);
    return plan;
  }

  static CarePlan completed() {
    CarePlan plan = finishedActivities();
    plan.recordClosingTalk(MUNICIPALITY, T0);
    plan.complete(MUNICIPALITY, T0);
    return plan;
  }

  static CarePlan revoked() {
    CarePlan plan = active();
    plan.revoke(PSYCHIATRY, T0);
    return plan;
  }

  private static Arguments refused(
      String what,
      java.util.function.Supplier<CarePlan> given,
      Consumer<CarePlan> command,
      DomainErrorCode code) {
    return Arguments.of(what, given, command, code);
  }
}
