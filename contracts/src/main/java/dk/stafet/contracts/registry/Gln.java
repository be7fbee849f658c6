package dk.stafet.contracts.registry;

/** GS1 Global Location Numbers (EAN location numbers): 13 digits, the last a mod-10 check digit. */
public final class Gln {

  private Gln() {}

  public static boolean isValid(String gln) {
    return gln != null
        && gln.length() == 13
        && gln.chars().allMatch(Character::isDigit)
        && checkDigit(gln.substring(0, 12)) == gln.charAt(12) - '0';
  }

  /**
   * GS1 check digit of the first 12 digits: weights 1,3,1,3… from the left, then round up to ten.
   */
  public static int checkDigit(String first12Digits) {
    if (first12Digits.length() != 12 || !first12Digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("Need exactly 12 digits");
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (first12Digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10;
  }
}
