package dk.stafet.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeopleTest {

  private static final LocalDate BORN = LocalDate.of(1958, 3, 7);

  @Test
  void theAgeTurnsAtMidnightDanishTimeOnTheBirthday() {
    // 6 March 2026 23:30 UTC is already 7 March 00:30 in Copenhagen (winter time, UTC+1).
    assertThat(People.age(BORN, Instant.parse("2026-03-06T22:59:59Z"))).isEqualTo(67);
    assertThat(People.age(BORN, Instant.parse("2026-03-06T23:00:00Z"))).isEqualTo(68);
    assertThat(People.age(BORN, Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo(68);
  }

  @Test
  void theAgeAcrossSummerTimeAndALeapDay() {
    LocalDate leapDay = LocalDate.of(2004, 2, 29);
    assertThat(People.age(leapDay, Instant.parse("2025-02-28T12:00:00Z"))).isEqualTo(20);
    assertThat(People.age(leapDay, Instant.parse("2025-03-01T12:00:00Z"))).isEqualTo(21);
    // 1 July: summer time (UTC+2), so 30 June 22:00 UTC is already 1 July.
    LocalDate july = LocalDate.of(1990, 7, 1);
    assertThat(People.age(july, Instant.parse("2026-06-30T21:59:59Z"))).isEqualTo(35);
    assertThat(People.age(july, Instant.parse("2026-06-30T22:00:00Z"))).isEqualTo(36);
  }

  @Test
  void noAgeWithoutABirthDateOrBeforeBirth() {
    assertThat(People.age(null, Instant.now())).isNull();
    assertThat(People.age(LocalDate.of(2030, 1, 1), Instant.parse("2026-01-01T00:00:00Z")))
        .isNull();
    assertThat(People.age(LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T12:00:00Z")))
        .isZero();
  }

  @Test
  void theCprNumberIsShownWithItsLastFourDigitsMasked() {
    assertThat(People.maskedCpr("070358-****")).isEqualTo("070358-****");
    // A service that sent the whole number by mistake: masked here all the same.
    assertThat(People.maskedCpr("0703581005")).isEqualTo("070358-****");
    assertThat(People.maskedCpr("070358-1005")).isEqualTo("070358-****");
    // Anything else is not shown at all.
    assertThat(People.maskedCpr("07035810")).isNull();
    assertThat(People.maskedCpr("<script>")).isNull();
    assertThat(People.maskedCpr(null)).isNull();
  }

  @Test
  void namesAreGivenNamesThenFamilyNameAndAbsentWithoutAFamilyName() {
    assertThat(People.fullName("Ida Marie", "Holm")).isEqualTo("Ida Marie Holm");
    assertThat(People.fullName(null, "Holm")).isEqualTo("Holm");
    assertThat(People.fullName(" ", " Holm ")).isEqualTo("Holm");
    assertThat(People.fullName("Ida", null)).isNull();
    assertThat(People.fullName("Ida", "  ")).isNull();
  }
}
