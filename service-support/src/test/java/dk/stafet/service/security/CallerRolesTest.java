package dk.stafet.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerRolesTest {

  private final CallerRoles roles = new CallerRoles(List.of(" 111 ", ""), List.of("222"), Duration.ofMinutes(30));

  @Test
  void rolesComeFromTrimmedConfiguredSorCodes() {
    assertThat(roles.isCoordinator("111")).isTrue();
    assertThat(roles.isCoordinator("")).isFalse();
    assertThat(roles.isCoordinator(null)).isFalse();
    assertThat(roles.isPatientPortal("222")).isTrue();
    assertThat(roles.isPatientPortal("111")).isFalse();
  }

  @Test
  void readsOnARoleAreAuditedUnderTheirOwnPrefix() {
    assertThat(roles.auditedAction("111", "LOOKUP")).isEqualTo("READ_AS_COORDINATOR:LOOKUP");
    assertThat(roles.auditedAction("222", "LOOKUP")).isEqualTo("READ_AS_PATIENT_PORTAL:LOOKUP");
    assertThat(roles.auditedAction("333", "LOOKUP")).isEqualTo("LOOKUP");
  }

  @Test
  void onlyDigitStringsIdentifyACaller() {
    assertThat(Caller.parse(" 999999000901001 ")).contains("999999000901001");
    assertThat(Caller.parse("0101701234; DROP")).isEmpty();
    assertThat(Caller.parse("")).isEmpty();
    assertThat(Caller.parse(null)).isEmpty();
    assertThat(Caller.parse("1".repeat(21))).isEmpty();
  }
}
