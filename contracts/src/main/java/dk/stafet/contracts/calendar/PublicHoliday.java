package dk.stafet.contracts.calendar;

/**
 * Danish public holidays [helligdage] (R3). Fixed dates plus those relative to Easter Sunday (E). 1
 * May is not a public holiday. Store Bededag counts only up to and including 2023.
 */
public enum PublicHoliday {
  NEW_YEARS_DAY("Nytårsdag"),
  MAUNDY_THURSDAY("Skærtorsdag"),
  GOOD_FRIDAY("Langfredag"),
  EASTER_SUNDAY("Påskedag"),
  EASTER_MONDAY("2. påskedag"),
  /** E+26; abolished from 2024 (R3). */
  GREAT_PRAYER_DAY("Store Bededag"),
  ASCENSION_DAY("Kristi himmelfartsdag"),
  WHIT_SUNDAY("Pinsedag"),
  WHIT_MONDAY("2. pinsedag"),
  CHRISTMAS_DAY("Juledag"),
  BOXING_DAY("2. juledag");

  private final String danishName;

  PublicHoliday(String danishName) {
    this.danishName = danishName;
  }

  public String danishName() {
    return danishName;
  }
}
