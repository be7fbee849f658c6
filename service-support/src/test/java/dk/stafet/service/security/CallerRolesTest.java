package dk.stafet.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.identity.TokenClaims;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerRolesTest {

  private static Optional<Caller.Identity> identity(
      Map<String, Object> claims, Set<String> groups) {
    return Caller.fromClaims(claims::get, groups, "person-1");
  }

  @Test
  void theTokenNamesOrganisationKindRolesPersonAndCitizen() {
    Caller.Identity id =
        identity(
                Map.of(
                    TokenClaims.ORGANISATION,
                    "999999000902001",
                    TokenClaims.ORGANISATION_KIND,
                    "PATIENT_PORTAL",
                    TokenClaims.NAME,
                    "Mit forløb",
                    TokenClaims.PATIENT,
                    "p-1"),
                Set.of("PATIENT_PORTAL", "SOMETHING_ELSE"))
            .orElseThrow();
    assertThat(id.organisationSor()).isEqualTo("999999000902001");
    assertThat(id.organisationKind()).isEqualTo("PATIENT_PORTAL");
    assertThat(id.roles()).extracting(Enum::name).containsExactly("PATIENT_PORTAL");
    assertThat(id.subject()).isEqualTo("person-1");
    assertThat(id.name()).isEqualTo("Mit forløb");
    assertThat(id.citizen()).isEqualTo("p-1");
  }

  @Test
  void onlyATokenNamingASorCodeIdentifiesACaller() {
    assertThat(identity(Map.of(TokenClaims.ORGANISATION, " 999999000901001 "), Set.of()))
        .map(Caller.Identity::organisationSor)
        .contains("999999000901001");
    assertThat(identity(Map.of(TokenClaims.ORGANISATION, "0101701234; DROP"), Set.of())).isEmpty();
    assertThat(identity(Map.of(TokenClaims.ORGANISATION, ""), Set.of())).isEmpty();
    assertThat(identity(Map.of(), Set.of("COORDINATOR"))).isEmpty();
    assertThat(identity(Map.of(TokenClaims.ORGANISATION, "1".repeat(21)), Set.of())).isEmpty();
  }
}
