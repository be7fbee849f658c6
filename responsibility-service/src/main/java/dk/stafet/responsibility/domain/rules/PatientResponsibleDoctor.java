package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import java.util.Objects;
import java.util.Optional;

/**
 * The PRD holder: the organisation holding patient-responsible-doctor status and, once assigned
 * (R27), the named doctor inside it. By construction never a municipality (R16) nor the
 * out-of-hours service (R14).
 */
public record PatientResponsibleDoctor(Organisation organisation, Optional<DoctorId> namedDoctor) {
  public PatientResponsibleDoctor {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(namedDoctor, "namedDoctor");
    if (!organisation.kind().mayHoldPrd()) {
      throw new IllegalArgumentException(
          "R16/R14: " + organisation.kind() + " can never be patient-responsible");
    }
  }

  public static PatientResponsibleDoctor of(Organisation organisation) {
    return new PatientResponsibleDoctor(organisation, Optional.empty());
  }

  public PatientResponsibleDoctor withNamedDoctor(Optional<DoctorId> doctor) {
    return new PatientResponsibleDoctor(organisation, doctor);
  }
}
