package dk.stafet.contracts.registry;

/** When an organisation answers its phone: the basis of "who do I call now" (R22). */
public enum Availability {
  /** Staffed around the clock (hospital departments' 24-hour lines, municipal acute functions). */
  ALWAYS,
  /** Weekdays 08–16 except holidays (R2): GPs and practising specialists. */
  GP_HOURS,
  /** Weekdays 16–08, weekends and holidays: the out-of-hours service. */
  OUT_OF_HOURS
}
