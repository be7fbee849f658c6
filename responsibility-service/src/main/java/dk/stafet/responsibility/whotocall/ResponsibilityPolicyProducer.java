package dk.stafet.responsibility.whotocall;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.rules.WhoToCallPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The calendar (R1–R4) and the who-to-call policy (R22), configured once and shared (both are
 * immutable).
 */
@ApplicationScoped
public class ResponsibilityPolicyProducer {

  @Produces
  @ApplicationScoped
  DanishCalendar calendar(WhoToCallConfig config) {
    // R4 (proposal): 24 Dec, 31 Dec and 5 June count as out-of-hours all day unless configured
    // otherwise.
    return new DanishCalendar(config.proposalDaysOutOfHours());
  }

  @Produces
  @ApplicationScoped
  WhoToCallPolicy policy(DanishCalendar calendar, WhoToCallConfig config) {
    return new WhoToCallPolicy(calendar, Organisation.outOfHoursService(config.outOfHoursSor()));
  }
}
