package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.events.EventJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stored form of one fact ({@code course_fact.payload}): what a replay needs, and nothing more
 * — no CPR number and no clinical free text. The organisation kinds are resolved once, when the
 * fact arrives, so that a replay gives the same answer even if the organisation register changes
 * later.
 *
 * @param type a {@code CourseEventType} name, {@link #HANDOVER_ACCEPTED} or {@link
 *     #DOCTOR_ASSIGNED}
 * @param organisationKinds SOR code → domain {@code OrganisationKind} name, for the organisations
 *     named in the fact
 */
public record FactRecord(
    UUID eventId,
    String type,
    Instant occurredAt,
    String courseId,
    String organisationSor,
    String counterpartSor,
    Map<String, String> details,
    Map<String, String> organisationKinds) {

  /** R23: a relay handover was accepted (organisation = receiver, counterpart = proposer). */
  public static final String HANDOVER_ACCEPTED = "HANDOVER_ACCEPTED";

  /**
   * R27: a named doctor was assigned inside the PRD organisation (organisation = that
   * organisation).
   */
  public static final String DOCTOR_ASSIGNED = "RESPONSIBLE_DOCTOR_ASSIGNED";

  /**
   * Corrections (MedCom AN_*) that mean "the fact cancelsEventId never happened" (docs/events.md).
   */
  private static final Set<String> RETRACTING = Set.of("DISCHARGE", "START_LEAVE", "END_LEAVE");

  public FactRecord {
    // PostgreSQL keeps microseconds: the replayed timeline must compare equal to what is stored.
    occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
    details = details == null ? Map.of() : Map.copyOf(details);
    organisationKinds = organisationKinds == null ? Map.of() : Map.copyOf(organisationKinds);
  }

  public String detail(String key) {
    return details.get(key);
  }

  public boolean isCorrection() {
    return "true".equals(details.get("correction"));
  }

  /**
   * The id of the fact this one declares registered in error, if it is such a correction. A
   * cancelled admission (R8) is not one of these: the domain keeps it as a fact and removes the
   * stay from every instant itself.
   */
  public Optional<String> retracts() {
    String cancels = details.get("cancels");
    if (isCorrection() && cancels != null && RETRACTING.contains(cancels)) {
      return Optional.ofNullable(details.get("cancelsEventId"));
    }
    return Optional.empty();
  }

  public String toJson() {
    return EventJson.write(this);
  }

  public static FactRecord fromJson(String json) {
    return EventJson.read(json, FactRecord.class);
  }
}
