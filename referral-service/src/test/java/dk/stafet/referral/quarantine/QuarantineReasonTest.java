package dk.stafet.referral.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarantineReasonTest {

  @Test
  void aCprNumberQuotedByAFindingIsMaskedInTheReasonButOtherNumbersStay() {
    String reason =
        QuarantineService.maskedReason(
            List.of(
                MedcomIssue.hl7(
                    MedcomIssue.Severity.ERROR,
                    "value",
                    null,
                    "Patient.identifier",
                    "value '2509479989' is wrong"),
                MedcomIssue.hl7(
                    MedcomIssue.Severity.ERROR,
                    "value",
                    null,
                    null,
                    "also 250947-9989, but SOR 265161000016000 stays")));

    assertThat(reason)
        .doesNotContain("2509479989")
        .doesNotContain("250947-9989")
        .contains("265161000016000")
        .contains("**********");
  }
}
