package dk.stafet.responsibility.domain.rules;

import dk.stafet.responsibility.domain.DoctorId;
import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R22: whom to call at an instant when the patient's condition changes.
 *
 * @param organisation the organisation to call; empty only for {@link CalleeRole#NOBODY}
 * @param role what kind of line it is
 * @param namedDoctor the named doctor (R27) when the PRD's own line is called
 * @param decidedBy the rule behind the underlying responsibility decision (e.g. R6, R5, R20)
 * @param validUntil when this answer stops holding: the next GP-hours boundary for a GP/OOH split
 *     (R2); empty = not limited by the calendar (hospital 24 h, death). A ledger answer also caps
 *     it at the next recorded change.
 * @param alarm the R26 alarm, if any
 */
public record WhoToCall(
    Optional<Organisation> organisation,
    CalleeRole role,
    Optional<DoctorId> namedDoctor,
    RuleId decidedBy,
    Optional<Instant> validUntil,
    Optional<ResponsibilityAlarm> alarm) {
  public WhoToCall {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(namedDoctor, "namedDoctor");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(alarm, "alarm");
    if (organisation.isEmpty() != (role == CalleeRole.NOBODY)) {
      throw new IllegalArgumentException(
          "an organisation is given exactly when someone is to be called");
    }
  }

  /** The same answer, holding at most until {@code limit}. */
  public WhoToCall validAtMostUntil(Instant limit) {
    Objects.requireNonNull(limit, "limit");
    Instant until = validUntil.filter(u -> u.isBefore(limit)).orElse(limit);
    return new WhoToCall(organisation, role, namedDoctor, decidedBy, Optional.of(until), alarm);
  }
}
