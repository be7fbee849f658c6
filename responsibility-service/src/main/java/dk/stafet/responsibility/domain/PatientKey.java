package dk.stafet.responsibility.domain;

import java.util.Objects;

/**
 * Opaque patient key. Never a CPR number: the brief forbids using a CPR as a key or logging it, so
 * {@link #toString()} does not reveal the value either.
 */
public record PatientKey(String value) {
  public PatientKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("patient key must not be blank");
    }
  }

  @Override
  public String toString() {
    return "PatientKey[…]";
  }
}
