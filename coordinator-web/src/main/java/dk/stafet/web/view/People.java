package dk.stafet.web.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

/** How the pages name a person: full name, age in whole years, the CPR number masked. */
public final class People {

  private static final Pattern MASKED_CPR = Pattern.compile("\\d{6}-\\*{4}");

  private People() {}

  /** "Ida Marie Holm": given names first, as Danes say their names; null if no family name. */
  public static String fullName(String givenNames, String familyName) {
    if (familyName == null || familyName.isBlank()) {
      return null;
    }
    return givenNames == null || givenNames.isBlank()
        ? familyName.strip()
        : givenNames.strip() + " " + familyName.strip();
  }

  /**
   * Age in whole years on the Danish calendar day of {@code at} (a birthday counts from 00:00
   * Danish time); null without a birth date. Someone born on 29 February turns a year older on 1
   * March in other years.
   */
  public static Integer age(LocalDate birthDate, Instant at) {
    if (birthDate == null || at == null) {
      return null;
    }
    LocalDate today = at.atZone(Formats.DANISH_TIME).toLocalDate();
    return today.isBefore(birthDate) ? null : Period.between(birthDate, today).getYears();
  }

  /**
   * The CPR number as the pages show it: {@code 070358-****}. The service sends it masked; this is
   * the last guard, so that a whole number (with or without the hyphen) is masked here too and
   * anything else is not shown at all.
   */
  public static String maskedCpr(String fromService) {
    if (fromService == null) {
      return null;
    }
    String value = fromService.strip();
    if (MASKED_CPR.matcher(value).matches()) {
      return value;
    }
    String digits = value.replace("-", "");
    if (digits.length() == 10 && digits.chars().allMatch(Character::isDigit)) {
      return digits.substring(0, 6) + "-****";
    }
    return null;
  }
}
