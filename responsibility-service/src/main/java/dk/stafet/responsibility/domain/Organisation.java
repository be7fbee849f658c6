package dk.stafet.responsibility.domain;

import java.util.Objects;

/** An organisation identified by its SOR code, with its kind. */
public record Organisation(OrgId id, OrganisationKind kind) {
  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }

  public static Organisation hospitalDepartment(String sor) {
    return new Organisation(OrgId.of(sor), OrganisationKind.HOSPITAL_DEPARTMENT);
  }

  public static Organisation gp(String sor) {
    return new Organisation(OrgId.of(sor), OrganisationKind.GP);
  }

  public static Organisation outOfHoursService(String sor) {
    return new Organisation(OrgId.of(sor), OrganisationKind.OUT_OF_HOURS_SERVICE);
  }

  public static Organisation practisingSpecialist(String sor) {
    return new Organisation(OrgId.of(sor), OrganisationKind.PRACTISING_SPECIALIST);
  }

  public static Organisation municipality(String sor) {
    return new Organisation(OrgId.of(sor), OrganisationKind.MUNICIPALITY);
  }

  public boolean isHospital() {
    return kind == OrganisationKind.HOSPITAL_DEPARTMENT;
  }
}
