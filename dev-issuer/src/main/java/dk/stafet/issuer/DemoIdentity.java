package dk.stafet.issuer;

import dk.stafet.contracts.identity.StafetRole;
import dk.stafet.contracts.registry.OrganisationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person (or system) with a token: who ({@code subject}, {@code name}), for which organisation
 * (its SOR code and kind) and in which roles. {@code username} is what one asks the development
 * issuer for.
 */
public record DemoIdentity(
    String username,
    String subject,
    String name,
    String organisationSor,
    String organisationKind,
    Set<StafetRole> roles) {

  /**
   * The synthetic SOR codes of the non-care identities (not in the organisation register;
   * docs/security.md).
   */
  public static final String COORDINATION_SOR = "999999000901001";

  public static final String PATIENT_PORTAL_SOR = "999999000902001";
  public static final String SECURITY_SOR = "999999000903001";
  public static final String NATIONAL_REGISTER_SOR = "999999000904001";

  public DemoIdentity {
    roles = Set.copyOf(roles);
  }

  /** A member of staff of a care organisation, acting for it: the caller the services know best. */
  public static DemoIdentity staff(String sor, String kind) {
    return new DemoIdentity(
        "staff-" + sor, "staff-" + sor, "Staff of " + sor, sor, kind, Set.of(StafetRole.STAFF));
  }

  public boolean has(StafetRole role) {
    return roles.contains(role);
  }

  /**
   * The demo identities of the local run, one per organisation kind and role (README,
   * docs/security.md).
   */
  public static List<DemoIdentity> standard() {
    return List.of(
        new DemoIdentity(
            "hospital",
            "demo-hjerte-aarhus-1",
            "Læge Hanne Holm",
            "999000000003016",
            "HOSPITAL_DEPARTMENT",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "hospital-herlev",
            "demo-hjerte-herlev-1",
            "Læge Henrik Hald",
            "265161000016000",
            "HOSPITAL_DEPARTMENT",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "gp",
            "demo-gp-aabyhoej-1",
            "Praktiserende læge Gitte Poulsen",
            "999000000018016",
            "GP",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "out-of-hours",
            "demo-laegevagt-1",
            "Vagtlæge Ole Vang",
            "999000000026016",
            "OUT_OF_HOURS",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "municipality",
            "demo-aarhus-kommune-1",
            "Sygeplejerske Mette Kjær",
            "999000000029016",
            "MUNICIPALITY",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "acute",
            "demo-akut-aarhus-1",
            "Akutlæge Anders Akselsen",
            "999000000002016",
            "ACUTE_FUNCTION",
            Set.of(StafetRole.STAFF)),
        new DemoIdentity(
            "coordinator",
            "demo-koordinator-1",
            "Forløbskoordinator Karen Kofoed",
            COORDINATION_SOR,
            "COORDINATION",
            Set.of(StafetRole.COORDINATOR)),
        new DemoIdentity(
            "patient-advisor",
            "demo-patientvejleder-1",
            "Patientvejleder Pia Vestergaard",
            COORDINATION_SOR,
            "COORDINATION",
            Set.of(StafetRole.COORDINATOR)),
        new DemoIdentity(
            "security-officer",
            "demo-sikkerhed-1",
            "Sikkerhedsansvarlig Søren Sikker",
            SECURITY_SOR,
            "REGION",
            Set.of(StafetRole.SECURITY_OFFICER)),
        new DemoIdentity(
            "national-register",
            "cpr-register-feed",
            "CPR-registerets opdateringer",
            NATIONAL_REGISTER_SOR,
            "NATIONAL_REGISTER",
            Set.of(StafetRole.NATIONAL_REGISTER)),
        new DemoIdentity(
            "patient-portal",
            "mit-forloeb",
            "Mit forløb (borgerens egen adgang)",
            PATIENT_PORTAL_SOR,
            "PATIENT_PORTAL",
            Set.of(StafetRole.PATIENT_PORTAL)));
  }

  /**
   * The identity acting for an organisation: the coordinator, register feed, security officer or
   * portal for their synthetic SOR codes, else a member of staff of an organisation in the register
   * (its kind from there).
   */
  public static Optional<DemoIdentity> forOrganisation(String sor, OrganisationRegistry registry) {
    Optional<DemoIdentity> special =
        standard().stream()
            .filter(i -> i.organisationSor().equals(sor) && !i.has(StafetRole.STAFF))
            .findFirst();
    return special.isPresent()
        ? special
        : registry.bySor(sor).map(o -> staff(o.sor(), o.kind().name()));
  }

  /**
   * The people who log in to the pages (coordinator-web), in the order its login page lists them:
   * coordinators and patient advisors, the security officer, and the citizen of "mit forløb".
   */
  public static List<DemoIdentity> pageUsers() {
    return standard().stream()
        .filter(
            i ->
                i.has(StafetRole.COORDINATOR)
                    || i.has(StafetRole.SECURITY_OFFICER)
                    || i.has(StafetRole.PATIENT_PORTAL))
        .toList();
  }

  public static Optional<DemoIdentity> byUsername(String username) {
    return standard().stream().filter(i -> i.username().equals(username)).findFirst();
  }
}
