package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageContentRulesTest {

  private final MessageContentRules rules =
      new MessageContentRules(Clock.fixed(Instant.parse("2026-12-04T06:00:00Z"), ZoneOffset.UTC));

  @Test
  void everyMedcomExampleKeepsToTheRules() {
    for (Path file : MedcomExamples.allExampleFiles()) {
      MedcomFormat format = file.toString().endsWith(".xml") ? MedcomFormat.XML : MedcomFormat.JSON;
      assertThat(rules.check(MedcomExamples.read(file), format))
          .as(file.getFileName().toString())
          .isEmpty();
    }
  }

  @Test
  void aControlCharacterIsNamedWithItsPathButNotItsText() {
    List<MedcomIssue> issues =
        rules.check(
            "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"name\":[{\"family\":\"Hansen\\u0007\"}]}}]}",
            MedcomFormat.JSON);

    assertThat(issues)
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.isError()).isTrue();
              assertThat(issue.path()).isEqualTo("Bundle.entry[0].resource.name[0].family");
              assertThat(issue.diagnostics()).contains("U+0007").doesNotContain("Hansen");
            });
  }

  @Test
  void tabCarriageReturnAndLineFeedAreText() {
    assertThat(
            rules.check(
                "{\"resourceType\":\"Bundle\",\"note\":\"a\\tb\\r\\nc\"}", MedcomFormat.JSON))
        .isEmpty();
  }

  @Test
  void datesBefore1900OrMoreThanAYearAheadAreRefused() {
    assertThat(
            rules.check(
                "{\"a\":\"1899-12-31\",\"b\":\"2999-01-01T10:00:00+01:00\",\"c\":\"1850\","
                    + "\"ok1\":\"1900-01-01\",\"ok2\":\"2027-06-01T10:00:00Z\",\"ok3\":\"2026-12\"}",
                MedcomFormat.JSON))
        .extracting(MedcomIssue::path)
        .containsExactly("Bundle.a", "Bundle.b", "Bundle.c");
  }

  @Test
  void xmlValuesAreCheckedToo() {
    assertThat(
            rules.check(
                "<Bundle xmlns=\"http://hl7.org/fhir\"><timestamp value=\"2999-01-01T00:00:00Z\"/></Bundle>",
                MedcomFormat.XML))
        .extracting(MedcomIssue::path)
        .containsExactly("Bundle.timestamp");
  }
}
