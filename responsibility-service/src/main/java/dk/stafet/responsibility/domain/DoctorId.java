package dk.stafet.responsibility.domain;

import java.util.Objects;

/**
 * A doctor's authorisation ID (Danish Patient Safety Authority register; format uncertain, opaque).
 */
public record DoctorId(String authorisationId) {
  public DoctorId {
    Objects.requireNonNull(authorisationId, "authorisationId");
    if (authorisationId.isBlank()) {
      throw new IllegalArgumentException("authorisation ID must not be blank");
    }
  }

  public static DoctorId of(String authorisationId) {
    return new DoctorId(authorisationId);
  }

  @Override
  public String toString() {
    return authorisationId;
  }
}
