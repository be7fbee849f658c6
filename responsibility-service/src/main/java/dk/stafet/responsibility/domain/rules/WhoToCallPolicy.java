package dk.stafet.responsibility.domain.rules;

import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.responsibility.domain.Organisation;
import dk.stafet.responsibility.domain.OrganisationKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R22 (interp.): PRD is a hospital department → that department's 24-h line. PRD is the GP (or a
 * specialist holding PRD by handover) → that practice during GP hours (R2), the out-of-hours
 * service otherwise. Nobody after death (R20). A gap (R26) → nobody, with the gap alarm, so the
 * caller escalates. The out-of-hours organisation is configuration (e.g. per region).
 */
public final class WhoToCallPolicy {

  private final DanishCalendar calendar;
  private final Organisation outOfHoursService;

  public WhoToCallPolicy(DanishCalendar calendar, Organisation outOfHoursService) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.outOfHoursService = Objects.requireNonNull(outOfHoursService, "outOfHoursService");
    if (outOfHoursService.kind() != OrganisationKind.OUT_OF_HOURS_SERVICE) {
      throw new IllegalArgumentException(
          "out-of-hours service must be of kind OUT_OF_HOURS_SERVICE");
    }
  }

  public DanishCalendar calendar() {
    return calendar;
  }

  public Organisation outOfHoursService() {
    return outOfHoursService;
  }

  public WhoToCall whoToCall(ResponsibilityDecision decision, Instant at) {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(at, "at");
    if (decision.prd().isEmpty()) { // R20 death or R26 gap
      return new WhoToCall(
          Optional.empty(),
          CalleeRole.NOBODY,
          Optional.empty(),
          decision.decidedBy(),
          Optional.empty(),
          decision.alarm());
    }
    PatientResponsibleDoctor prd = decision.prd().get();
    Organisation holder = prd.organisation();
    if (holder.isHospital()) {
      return new WhoToCall(
          Optional.of(holder),
          CalleeRole.HOSPITAL_DEPARTMENT_24H,
          prd.namedDoctor(),
          decision.decidedBy(),
          Optional.empty(),
          decision.alarm());
    }
    Optional<Instant> until = Optional.of(calendar.nextBoundary(at));
    if (calendar.isGpHours(at)) {
      CalleeRole role =
          holder.kind() == OrganisationKind.GP ? CalleeRole.GP : CalleeRole.PRACTISING_SPECIALIST;
      return new WhoToCall(
          Optional.of(holder),
          role,
          prd.namedDoctor(),
          decision.decidedBy(),
          until,
          decision.alarm());
    }
    return new WhoToCall(
        Optional.of(outOfHoursService),
        CalleeRole.OUT_OF_HOURS_SERVICE,
        Optional.empty(),
        decision.decidedBy(),
        until,
        decision.alarm());
  }
}
