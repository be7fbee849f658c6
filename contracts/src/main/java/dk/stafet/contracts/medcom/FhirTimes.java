package dk.stafet.contracts.medcom;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/** Message times always carry a zone (spec §1); we write Danish local time with its offset. */
final class FhirTimes {

  static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

  private FhirTimes() {}

  static DateTimeType dateTimeNow(Clock clock) {
    return new DateTimeType(
        Date.from(clock.instant()),
        TemporalPrecisionEnum.SECOND,
        TimeZone.getTimeZone(DANISH_TIME));
  }

  static InstantType instantNow(Clock clock) {
    InstantType instant = new InstantType(Date.from(clock.instant()), TemporalPrecisionEnum.SECOND);
    instant.setTimeZone(TimeZone.getTimeZone(DANISH_TIME));
    return instant;
  }
}
