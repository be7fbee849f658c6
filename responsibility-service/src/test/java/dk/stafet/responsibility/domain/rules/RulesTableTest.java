package dk.stafet.responsibility.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules table is complete data: R1–R27, each with situation, source and status. */
class RulesTableTest {

  @ParameterizedTest(name = "{0} is described")
  @EnumSource(RuleId.class)
  void everyRuleIsDescribed(RuleId rule) {
    assertThat(rule.situation()).isNotBlank();
    assertThat(rule.source()).isNotBlank();
    assertThat(rule.status()).isNotNull();
  }

  @Test
  void tableHasExactlyR1ToR27() {
    assertThat(RuleId.values()).hasSize(27);
    for (int i = 0; i < 27; i++) {
      assertThat(RuleId.values()[i].name()).isEqualTo("R" + (i + 1));
    }
  }

  @Test
  void openClinicalQuestionsAreTheInterpretationsAndProposalsOfTheBrief() {
    Set<RuleId> open =
        Arrays.stream(RuleId.values())
            .filter(RuleId::isOpenClinicalQuestion)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
    // Pure seeds without qualification: R3, R10, R12, R14, R16, R23.
    assertThat(EnumSet.complementOf(EnumSet.copyOf(open)))
        .containsExactlyInAnyOrder(
            RuleId.R3, RuleId.R10, RuleId.R12, RuleId.R14, RuleId.R16, RuleId.R23);
  }

  @Test
  void everyCourseRuleCitesItsRule() {
    assertThat(ResponsibilityRules.standard().courseRules())
        .extracting(CourseRule::id)
        .containsExactly(RuleId.R6, RuleId.R11, RuleId.R10, RuleId.R17, RuleId.R23, RuleId.R5);
  }
}
