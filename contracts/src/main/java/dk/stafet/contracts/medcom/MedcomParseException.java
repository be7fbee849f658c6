package dk.stafet.contracts.medcom;

/**
 * A MedCom message could not be read. The message names only the kind and position of the problem,
 * never any of the input text, because that text may hold a CPR number or clinical notes.
 */
public class MedcomParseException extends RuntimeException {

  /** What went wrong, coarse enough to choose an acknowledgement issue code from. */
  public enum Kind {
    EMPTY,
    UNSUPPORTED_FORMAT,
    FORBIDDEN_DOCTYPE,
    MALFORMED_SYNTAX,
    INVALID_CONTENT,
    NOT_A_BUNDLE
  }

  private final Kind kind;

  public MedcomParseException(Kind kind, String safeMessage) {
    // The cause is deliberately dropped: parser messages often quote the offending input.
    super(safeMessage, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
