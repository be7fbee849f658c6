package dk.stafet.responsibility.domain;

import java.util.Objects;

/**
 * An organisation's SOR code (national register of health organisations). Treated as opaque: the
 * check-digit rule is uncertain (brief §1), so no validation beyond "not blank".
 */
public record OrgId(String sor) {
  public OrgId {
    Objects.requireNonNull(sor, "sor");
    if (sor.isBlank()) {
      throw new IllegalArgumentException("SOR code must not be blank");
    }
  }

  public static OrgId of(String sor) {
    return new OrgId(sor);
  }

  @Override
  public String toString() {
    return sor;
  }
}
