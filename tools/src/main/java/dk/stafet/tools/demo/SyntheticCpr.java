package dk.stafet.tools.demo;

import dk.stafet.contracts.cpr.CprNumber;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Synthetic CPR numbers that the front door accepts: a real birth date, the 7th digit chosen by the
 * century rule (0–3: 1900s; 4 and 9: 2000–2036 and 1937–1999; 5–8: 2000–2057 and 1858–1899), and
 * the last digit odd for men, even for women. They pass the modulus-11 check, except a share of
 * those born from 2007 on, as real numbers issued since 2007 may (domain brief I1; Stafet only
 * warns).
 */
public final class SyntheticCpr {

  private static final int[] WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  private static final double SHARE_WITHOUT_MODULUS_11_FROM_2007 = 0.3;

  private SyntheticCpr() {}

  public static String generate(LocalDate birthDate, boolean male, RandomGenerator random) {
    String date =
        String.format(
            "%02d%02d%02d",
            birthDate.getDayOfMonth(), birthDate.getMonthValue(), birthDate.getYear() % 100);
    boolean modulus11 =
        birthDate.getYear() < 2007 || random.nextDouble() >= SHARE_WITHOUT_MODULUS_11_FROM_2007;
    for (int attempt = 0; attempt < 1000; attempt++) {
      int seventh = seventhDigit(birthDate.getYear(), random);
      String first9 = date + seventh + random.nextInt(10) + random.nextInt(10);
      int last = modulus11 ? checkDigit(first9) : random.nextInt(10);
      if (last < 0 || (last % 2 == 1) != male) {
        continue;
      }
      String cpr = first9 + last;
      if (modulus11 == CprNumber.passesModulus11(cpr)
          && CprNumber.validate(cpr).stream().noneMatch(i -> i.isError())) {
        return cpr;
      }
    }
    throw new IllegalStateException(
        "no CPR number found for a birth date in " + birthDate.getYear());
  }

  /** A 7th digit that, with the two-digit year, gives back the birth year's century. */
  static int seventhDigit(int year, RandomGenerator random) {
    int yy = year % 100;
    if (year >= 1900 && year <= 1999) {
      return yy >= 37 && random.nextInt(10) == 0
          ? (random.nextBoolean() ? 4 : 9)
          : random.nextInt(4);
    }
    if (year >= 2000 && year <= 2036) {
      return random.nextBoolean() ? (random.nextBoolean() ? 4 : 9) : 5 + random.nextInt(4);
    }
    if ((year >= 2037 && year <= 2057) || (year >= 1858 && year <= 1899)) {
      return 5 + random.nextInt(4);
    }
    throw new IllegalArgumentException("CPR numbers cover birth years 1858–2057");
  }

  /**
   * The 10th digit that makes the weighted sum divisible by 11, or -1 when none does (the remainder
   * 10).
   */
  static int checkDigit(String first9) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (first9.charAt(i) - '0') * WEIGHTS[i];
    }
    int digit = (11 - sum % 11) % 11;
    return digit == 10 ? -1 : digit;
  }
}
