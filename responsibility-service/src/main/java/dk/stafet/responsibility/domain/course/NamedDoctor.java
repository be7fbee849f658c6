package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import java.util.Objects;

/** R27: the named doctor inside the organisation that holds PRD. */
public record NamedDoctor(Organisation organisation, DoctorId doctor) {
  public NamedDoctor {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(doctor, "doctor");
  }
}
