package dk.stafet.contracts.medcom;

import java.util.Objects;

/**
 * One finding about a received message, produced by {@link MedcomValidator} and by business-rule
 * checks, consumed by {@link AcknowledgementBuilder} (one OperationOutcome.issue each).
 *
 * @param severity FHIR issue severity
 * @param issueType FHIR issue-type code (structure, value, required, invariant, code-invalid,
 *     duplicate, exception …)
 * @param detailsCode code from the MedCom acknowledgement issue-details value set, e.g.
 *     MSG_BAD_SYNTAX
 * @param detailsSystem its code system ({@link MedcomSystems#FHIR_OPERATION_OUTCOME_CODES} or
 *     {@link MedcomSystems#ACK_ERROR_CODES})
 * @param path FHIRPath-like element path, e.g. {@code
 *     Bundle.entry[0].resource.ofType(MessageHeader).eventCoding}; may be null
 * @param diagnostics human-readable explanation; must never contain CPR numbers or clinical text
 */
public record MedcomIssue(
    Severity severity,
    String issueType,
    String detailsCode,
    String detailsSystem,
    String path,
    String diagnostics) {

  public enum Severity {
    FATAL("fatal"),
    ERROR("error"),
    WARNING("warning"),
    INFORMATION("information");

    private final String code;

    Severity(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public boolean isError() {
      return this == FATAL || this == ERROR;
    }
  }

  public MedcomIssue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(issueType, "issueType");
  }

  public boolean isError() {
    return severity.isError();
  }

  public MedcomIssue withSeverity(Severity newSeverity) {
    return new MedcomIssue(newSeverity, issueType, detailsCode, detailsSystem, path, diagnostics);
  }

  /**
   * A finding with a code from HL7's operation-outcome code system (MSG_BAD_SYNTAX,
   * MSG_DUPLICATE_ID …).
   */
  public static MedcomIssue hl7(
      Severity severity, String issueType, String msgCode, String path, String diagnostics) {
    return new MedcomIssue(
        severity,
        issueType,
        msgCode,
        MedcomSystems.FHIR_OPERATION_OUTCOME_CODES,
        path,
        diagnostics);
  }

  /**
   * A finding with a code from MedCom's acknowledgement error codes (MSG_VALUESET_VALUE_UNKNOWN …).
   */
  public static MedcomIssue medcom(
      Severity severity, String issueType, String medcomCode, String path, String diagnostics) {
    return new MedcomIssue(
        severity, issueType, medcomCode, MedcomSystems.ACK_ERROR_CODES, path, diagnostics);
  }
}
