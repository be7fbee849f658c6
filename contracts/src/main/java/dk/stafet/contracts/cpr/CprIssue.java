package dk.stafet.contracts.cpr;

/** A finding about a CPR number. Messages never contain the number itself. */
public record CprIssue(Severity severity, String code, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
