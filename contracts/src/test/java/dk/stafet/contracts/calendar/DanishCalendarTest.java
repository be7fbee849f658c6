package dk.stafet.contracts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R1–R4 and working days, with their boundaries. */
class DanishCalendarTest {

  private final DanishCalendar calendar = new DanishCalendar();
  private final DanishCalendar withoutR4 = new DanishCalendar(false);

  /** Danish civil time, e.g. {@code cph("2026-03-27T15:59")}. */
  private static Instant cph(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(DanishCalendar.ZONE).toInstant();
  }

  @ParameterizedTest(name = "R3 Easter Sunday {0} = {1}")
  @CsvSource({
    "2023, 2023-04-09", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
    "2000, 2000-04-23", "2019, 2019-04-21", "2038, 2038-04-25", "2285, 2285-03-22"
  })
  void easterSunday(int year, LocalDate expected) {
    assertThat(DanishCalendar.easterSunday(year)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "R3 {0}: {1}")
  @CsvSource({
    "2026-01-01, NEW_YEARS_DAY",
    "2026-04-02, MAUNDY_THURSDAY",
    "2026-04-03, GOOD_FRIDAY",
    "2026-04-04, ", // Easter Saturday is not a holiday (but a weekend)
    "2026-04-05, EASTER_SUNDAY",
    "2026-04-06, EASTER_MONDAY",
    "2026-04-07, ", // the day after Easter Monday
    "2026-04-01, ", // the day before Maundy Thursday
    "2023-05-05, GREAT_PRAYER_DAY", // Store Bededag 2023: last year it counts
    "2024-04-26, ", // Store Bededag abolished from 2024
    "2026-05-01, ", // 1 May is not a public holiday
    "2026-05-14, ASCENSION_DAY",
    "2026-05-24, WHIT_SUNDAY",
    "2026-05-25, WHIT_MONDAY",
    "2026-12-24, ", // R4, not R3
    "2026-12-25, CHRISTMAS_DAY",
    "2026-12-26, BOXING_DAY",
    "2026-06-05, "
  }) // R4, not R3
  void publicHolidays(LocalDate date, PublicHoliday expected) {
    assertThat(calendar.publicHoliday(date).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2026-04-01, true", // Wednesday before Maundy Thursday
    "2026-04-02, false", // Maundy Thursday
    "2026-04-03, false", // Good Friday
    "2026-04-05, false", // Easter Sunday
    "2026-04-06, false", // Easter Monday
    "2026-04-07, true", // the day after Easter Monday
    "2026-05-14, false", // Ascension Day
    "2026-05-25, false", // Whit Monday
    "2026-12-25, false",
    "2026-12-26, false",
    "2027-01-01, false",
    "2023-05-05, false", // Store Bededag 2023
    "2024-04-26, true", // Store Bededag abolished from 2024
    "2026-03-28, false", // Saturday
    "2026-06-05, true", // R4 days are not public holidays: working days even with R4 on
    "2025-12-24, true",
    "2025-12-31, true"
  })
  void workingDays(LocalDate date, boolean expected) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(expected);
    assertThat(withoutR4.isWorkingDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} working days after {0} = {2}")
  @CsvSource({
    "2026-03-05, 8, 2026-03-17", // Thursday, across one weekend
    "2026-03-07, 8, 2026-03-18", // from a Saturday: the count starts on Monday
    "2026-03-31, 8, 2026-04-15", // across Easter 2026
    "2026-04-02, 8, 2026-04-16", // from Maundy Thursday: the start day never counts
    "2026-12-21, 8, 2027-01-04", // 24 and 31 Dec count, 25 Dec and 1 Jan do not
    "2026-03-06, 0, 2026-03-06"
  })
  void plusWorkingDays(LocalDate day, int n, LocalDate expected) {
    assertThat(calendar.plusWorkingDays(day, n)).isEqualTo(expected);
  }

  @Test
  void aNegativeNumberOfWorkingDaysIsRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 3, 6), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "R2 {0} local → GP hours {1} (R4 on)")
  @CsvSource({
    "2026-03-23T07:59:59, false", // Monday just before 08:00
    "2026-03-23T08:00,    true", // exactly 08:00 → GP (half-open)
    "2026-03-23T15:59:59, true",
    "2026-03-23T16:00,    false", // exactly 16:00 → out-of-hours
    "2026-03-27T15:59,    true", // Friday 15:59
    "2026-03-27T16:00,    false", // Friday 16:00
    "2026-03-28T10:00,    false", // Saturday
    "2026-03-29T10:00,    false", // Sunday, DST night
    "2026-03-30T08:00,    true", // Monday after spring-forward
    "2026-04-01T10:00,    true", // Wednesday before Maundy Thursday
    "2026-04-02T10:00,    false", // Maundy Thursday
    "2026-04-05T10:00,    false", // Easter Sunday (day before Easter Monday)
    "2026-04-06T10:00,    false", // Easter Monday
    "2026-04-07T08:00,    true", // day after Easter Monday
    "2023-05-05T10:00,    false", // Store Bededag 2023
    "2024-04-26T10:00,    true", // the same Friday in 2024 is a normal day
    "2025-12-24T10:00,    false", // R4 Christmas Eve (Wednesday)
    "2025-12-31T10:00,    false", // R4 New Year's Eve (Wednesday)
    "2026-06-05T10:00,    false", // R4 Constitution Day (Friday)
    "2026-10-23T15:59,    true", // Friday before fall-back
    "2026-10-26T07:59,    false", // Monday after fall-back
    "2026-10-26T08:00,    true",
    "2026-05-01T10:00,    true"
  }) // 1 May (Friday) is a working day
  void gpHours(String local, boolean expected) {
    assertThat(calendar.isGpHours(cph(local))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "R4 off: {0} local → GP hours {1}")
  @CsvSource({
    "2025-12-24T10:00, true",
    "2025-12-31T10:00, true",
    "2026-06-05T10:00, true",
    "2025-12-25T10:00, false"
  })
  void proposalDaysAreConfigurable(String local, boolean expected) {
    assertThat(withoutR4.isGpHours(cph(local))).isEqualTo(expected);
  }

  @Test
  void r1InstantsWithAnOffsetAreConvertedToDanishTime() {
    // 07:30Z in March is 08:30 CET → GP hours; 15:30Z in June is 17:30 CEST → out-of-hours.
    assertThat(calendar.isGpHours(OffsetDateTime.parse("2026-03-23T07:30:00Z").toInstant()))
        .isTrue();
    assertThat(calendar.isGpHours(OffsetDateTime.parse("2026-06-08T15:30:00Z").toInstant()))
        .isFalse();
    assertThat(calendar.isGpHours(OffsetDateTime.parse("2026-06-08T09:00:00+05:00").toInstant()))
        .isFalse();
  }

  @ParameterizedTest(name = "R2 next boundary after {0} = {1}")
  @CsvSource({
    "2026-03-23T07:59:59, 2026-03-23T08:00",
    "2026-03-23T08:00,    2026-03-23T16:00",
    "2026-03-23T15:59:59, 2026-03-23T16:00",
    "2026-03-23T16:00,    2026-03-24T08:00",
    "2026-03-27T15:59,    2026-03-27T16:00",
    "2026-03-27T16:00,    2026-03-30T08:00", // Friday → Monday across spring-forward
    "2026-03-29T02:30,    2026-03-30T08:00", // (02:30 does not exist; resolves to 03:30)
    "2026-10-23T16:00,    2026-10-26T08:00", // across fall-back
    "2026-10-25T02:30,    2026-10-26T08:00", // ambiguous hour
    "2026-04-01T16:00,    2026-04-07T08:00", // Easter: Thu, Fri, weekend, Mon closed
    "2025-12-23T16:00,    2025-12-29T08:00", // R4 24 Dec + 25/26 Dec + weekend
    "2023-05-04T16:00,    2023-05-08T08:00", // Store Bededag 2023
    "2024-04-25T16:00,    2024-04-26T08:00"
  }) // no Store Bededag 2024
  void nextBoundary(String local, String expectedLocal) {
    assertThat(calendar.nextBoundary(cph(local))).isEqualTo(cph(expectedLocal));
  }

  @Test
  void nextBoundaryWithoutR4OpensOnChristmasEve() {
    assertThat(withoutR4.nextBoundary(cph("2025-12-23T16:00"))).isEqualTo(cph("2025-12-24T08:00"));
  }

  @Test
  void dstWeekendsAreAnHourShorterOrLonger() {
    Instant springFriday = cph("2026-03-27T16:00");
    assertThat(Duration.between(springFriday, calendar.nextBoundary(springFriday)))
        .isEqualTo(Duration.ofHours(63));
    Instant autumnFriday = cph("2026-10-23T16:00");
    assertThat(Duration.between(autumnFriday, calendar.nextBoundary(autumnFriday)))
        .isEqualTo(Duration.ofHours(65));
  }

  @Test
  void nextBoundaryFlipsTheStateAndNothingFlipsBefore() {
    Instant t = cph("2026-03-20T00:00");
    Instant end = cph("2026-11-01T00:00");
    while (t.isBefore(end)) {
      Instant boundary = calendar.nextBoundary(t);
      assertThat(boundary).isAfter(t);
      assertThat(calendar.isGpHours(boundary)).isNotEqualTo(calendar.isGpHours(t));
      assertThat(calendar.isGpHours(boundary.minusSeconds(1))).isEqualTo(calendar.isGpHours(t));
      t = t.plus(Duration.ofMinutes(97)); // walks across both DST nights at odd offsets
    }
  }
}
