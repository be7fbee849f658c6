package dk.stafet.contracts.calendar;

/**
 * R4 (Proposal, seeds silent): days on which GP practices are usually closed, counted as
 * out-of-hours all day because sending a caller to a closed practice is the unsafe mistake.
 * Switched on or off as a whole in {@link DanishCalendar}.
 */
public enum ProposalDay {
  CONSTITUTION_DAY("Grundlovsdag", 6, 5),
  CHRISTMAS_EVE("Juleaften", 12, 24),
  NEW_YEARS_EVE("Nytårsaftensdag", 12, 31);

  private final String danishName;
  private final int month;
  private final int dayOfMonth;

  ProposalDay(String danishName, int month, int dayOfMonth) {
    this.danishName = danishName;
    this.month = month;
    this.dayOfMonth = dayOfMonth;
  }

  public String danishName() {
    return danishName;
  }

  boolean fallsOn(java.time.LocalDate date) {
    return date.getMonthValue() == month && date.getDayOfMonth() == dayOfMonth;
  }
}
