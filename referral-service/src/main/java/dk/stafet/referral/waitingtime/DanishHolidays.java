package dk.stafet.referral.waitingtime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Danish public holidays [helligdage] and working days, for the working-day limit of W2. Deliberately small and
 * self-contained: referral-service does not depend on responsibility-service (its {@code DanishCalendar} answers GP
 * hours, a different question).
 *
 * <p>Holidays: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Great Prayer Day (to 2023;
 * abolished from 2024), Ascension Day, Whit Sunday, Whit Monday, Christmas Day, Boxing Day. 5 June, 24 December and
 * 31 December are not public holidays and count as working days here: counting a day off as a working day makes a
 * deadline earlier, never later, so the watch errs on the patient's side.
 */
final class DanishHolidays {

  /** Store Bededag was abolished from 2024. */
  static final int LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

  private DanishHolidays() {
  }

  /** Easter Sunday (Gregorian computus, anonymous algorithm of Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
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

  static boolean isPublicHoliday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    int month = date.getMonthValue();
    int day = date.getDayOfMonth();
    if (month == 1 && day == 1 || month == 12 && (day == 25 || day == 26)) {
      return true;
    }
    if (month < 3 || month > 6) {
      return false; // Easter-relative holidays fall between 19 March and 14 June
    }
    long offset = date.toEpochDay() - easterSunday(date.getYear()).toEpochDay();
    return offset == -3 || offset == -2 || offset == 0 || offset == 1
        || offset == 26 && date.getYear() <= LAST_YEAR_WITH_GREAT_PRAYER_DAY
        || offset == 39 || offset == 49 || offset == 50;
  }

  /** Monday to Friday and not a public holiday. */
  static boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(date);
  }

  /** The {@code n}th working day after {@code day} (which itself does not count, whatever it is). */
  static LocalDate plusWorkingDays(LocalDate day, int n) {
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
}
