package dk.stafet.contracts.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The Danish civil calendar, shared by the services so that Easter and the public holidays are
 * computed in one place. The rule numbers are responsibility-service's (docs/rules.md), which uses
 * all of it; referral-service counts working days with it for the waiting-time limits
 * (docs/waiting-times.md).
 *
 * <ul>
 *   <li>R1: all rules use Europe/Copenhagen civil time; instants are converted before evaluation.
 *   <li>R2: GP hours [dagtid] = Monday–Friday, 08:00 ≤ t &lt; 16:00, on days that are neither
 *       public holidays (R3) nor R4 days. Everything else is out-of-hours [vagttid]. Half-open:
 *       exactly 08:00 is GP hours, exactly 16:00 is out-of-hours.
 *   <li>R3: fixed holidays and Easter-relative holidays (Gregorian computus); Store Bededag only to
 *       2023.
 *   <li>R4: 24 Dec, 31 Dec and 5 June out-of-hours all day (Proposal; configurable).
 *   <li>Working days [hverdage]: Monday–Friday except public holidays (R3). R4 days are working
 *       days: they are not public holidays, and the R4 switch only decides whether GP practices
 *       count as open on them.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class DanishCalendar {

  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  /** R2: GP hours open at 08:00 local time (inclusive). */
  public static final LocalTime GP_HOURS_START = LocalTime.of(8, 0);

  /** R2: GP hours close at 16:00 local time (exclusive). */
  public static final LocalTime GP_HOURS_END = LocalTime.of(16, 0);

  /** R3: Store Bededag was abolished from 2024. */
  public static final int LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

  /** Longest run of non-GP days is a few days; a year is a generous safety bound. */
  private static final int MAX_DAYS_TO_SEARCH = 366;

  private static final ProposalDay[] PROPOSAL_DAYS = ProposalDay.values();

  private final boolean proposalDaysAreOutOfHours;

  /** The safe default: R4 days count as out-of-hours. */
  public DanishCalendar() {
    this(true);
  }

  /**
   * @param proposalDaysAreOutOfHours whether the R4 proposal (24 Dec, 31 Dec, 5 June) is switched
   *     on
   */
  public DanishCalendar(boolean proposalDaysAreOutOfHours) {
    this.proposalDaysAreOutOfHours = proposalDaysAreOutOfHours;
  }

  public boolean proposalDaysAreOutOfHours() {
    return proposalDaysAreOutOfHours;
  }

  /**
   * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
   * Checked against 9 Apr 2023, 31 Mar 2024, 20 Apr 2025 and 5 Apr 2026 (R3).
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  /** R3: which public holiday falls on {@code date}, if any. */
  public Optional<PublicHoliday> publicHoliday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int month = date.getMonthValue();
    int day = date.getDayOfMonth();
    if (month == 1 && day == 1) {
      return Optional.of(PublicHoliday.NEW_YEARS_DAY);
    }
    if (month == 12 && day == 25) {
      return Optional.of(PublicHoliday.CHRISTMAS_DAY);
    }
    if (month == 12 && day == 26) {
      return Optional.of(PublicHoliday.BOXING_DAY);
    }
    // Easter-relative holidays fall between 19 March (E-3 earliest) and 14 June (E+50 latest).
    if (month < 3 || month > 6) {
      return Optional.empty();
    }
    long offset = date.toEpochDay() - easterSunday(date.getYear()).toEpochDay();
    if (offset == -3) return Optional.of(PublicHoliday.MAUNDY_THURSDAY);
    if (offset == -2) return Optional.of(PublicHoliday.GOOD_FRIDAY);
    if (offset == 0) return Optional.of(PublicHoliday.EASTER_SUNDAY);
    if (offset == 1) return Optional.of(PublicHoliday.EASTER_MONDAY);
    if (offset == 26 && date.getYear() <= LAST_YEAR_WITH_GREAT_PRAYER_DAY) {
      return Optional.of(PublicHoliday.GREAT_PRAYER_DAY);
    }
    if (offset == 39) return Optional.of(PublicHoliday.ASCENSION_DAY);
    if (offset == 49) return Optional.of(PublicHoliday.WHIT_SUNDAY);
    if (offset == 50) return Optional.of(PublicHoliday.WHIT_MONDAY);
    return Optional.empty();
  }

  public boolean isPublicHoliday(LocalDate date) {
    return publicHoliday(date).isPresent();
  }

  /**
   * R4: the proposal day falling on {@code date}, if any — reported whether or not R4 is switched
   * on.
   */
  public Optional<ProposalDay> proposalDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    for (ProposalDay day : PROPOSAL_DAYS) {
      if (day.fallsOn(date)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  /**
   * Monday to Friday and not a public holiday (R3); R4 days count, whether or not R4 is switched
   * on.
   */
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(date);
  }

  /**
   * The {@code n}th working day after {@code day} (which itself does not count, whatever it is).
   */
  public LocalDate plusWorkingDays(LocalDate day, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    LocalDate date = day;
    int counted = 0;
    while (counted < n) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** R2: a day on which GP hours exist at all (a working day that is not an active R4 day). */
  public boolean isGpDay(LocalDate date) {
    return isWorkingDay(date) && !(proposalDaysAreOutOfHours && proposalDay(date).isPresent());
  }

  /** R1: the instant in Danish civil time. */
  public static ZonedDateTime local(Instant instant) {
    return instant.atZone(ZONE);
  }

  /** R2: whether {@code instant} is in GP hours (otherwise it is out-of-hours). */
  public boolean isGpHours(Instant instant) {
    ZonedDateTime local = local(Objects.requireNonNull(instant, "instant"));
    LocalTime time = local.toLocalTime();
    return isGpDay(local.toLocalDate())
        && !time.isBefore(GP_HOURS_START)
        && time.isBefore(GP_HOURS_END);
  }

  /**
   * The first instant strictly after {@code instant} at which GP hours / out-of-hours flips (R2).
   * Used for "the answer holds until". 08:00 and 16:00 never fall in a DST gap or overlap in
   * Europe/Copenhagen (changes happen at 02:00/03:00), so the local times map to unique instants.
   */
  public Instant nextBoundary(Instant instant) {
    ZonedDateTime local = local(Objects.requireNonNull(instant, "instant"));
    LocalDate today = local.toLocalDate();
    if (isGpHours(instant)) {
      return ZonedDateTime.of(today, GP_HOURS_END, ZONE).toInstant();
    }
    LocalDate day = today;
    if (!local.toLocalTime().isBefore(GP_HOURS_START)) {
      day = day.plusDays(1); // today's opening (if any) has passed
    }
    for (int i = 0; i <= MAX_DAYS_TO_SEARCH; i++, day = day.plusDays(1)) {
      if (isGpDay(day)) {
        return ZonedDateTime.of(day, GP_HOURS_START, ZONE).toInstant();
      }
    }
    throw new IllegalStateException("no GP day within a year — calendar misconfigured");
  }
}
