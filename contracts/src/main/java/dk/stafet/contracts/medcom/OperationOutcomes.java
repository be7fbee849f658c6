package dk.stafet.contracts.medcom;

import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns {@link MedcomIssue}s into an OperationOutcome: one issue each, with severity, type, MedCom
 * code, path and text.
 */
public final class OperationOutcomes {

  /** A sender gains nothing from thousands of findings, and the answer must stay small. */
  static final int MAX_ISSUES = 100;

  private OperationOutcomes() {}

  public static OperationOutcome of(List<MedcomIssue> issues) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.setId(UUID.randomUUID().toString());
    for (MedcomIssue issue : issues.subList(0, Math.min(issues.size(), MAX_ISSUES))) {
      OperationOutcome.OperationOutcomeIssueComponent component =
          outcome
              .addIssue()
              .setSeverity(OperationOutcome.IssueSeverity.fromCode(issue.severity().code()))
              .setCode(OperationOutcome.IssueType.fromCode(issue.issueType()));
      if (issue.detailsCode() != null) {
        component.setDetails(
            new CodeableConcept(new Coding(issue.detailsSystem(), issue.detailsCode(), null)));
      }
      if (issue.diagnostics() != null) {
        component.setDiagnostics(issue.diagnostics());
      }
      if (issue.path() != null) {
        component.addExpression(issue.path());
      }
    }
    return outcome;
  }
}
