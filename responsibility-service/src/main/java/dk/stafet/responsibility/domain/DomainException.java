package dk.stafet.responsibility.domain;

import java.util.Objects;

/**
 * A refused domain command. The message is built from the code and identifiers that carry no
 * patient data (handover id, SOR codes); never put a CPR number or clinical text in it.
 */
public class DomainException extends RuntimeException {
  private final DomainErrorCode code;

  public DomainException(DomainErrorCode code, String detail) {
    super(code + ": " + detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  public DomainErrorCode code() {
    return code;
  }
}
