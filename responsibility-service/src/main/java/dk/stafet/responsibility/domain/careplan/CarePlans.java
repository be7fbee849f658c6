package dk.stafet.responsibility.domain.careplan;

import java.time.ZoneId;

/** Constants of the shared plan. */
public final class CarePlans {

  /** Dates in a plan (birthdays, activity periods) are Danish calendar days. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private CarePlans() {}
}
