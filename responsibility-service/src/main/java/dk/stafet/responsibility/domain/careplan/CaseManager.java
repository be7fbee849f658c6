package dk.stafet.responsibility.domain.careplan;

import java.time.Instant;
import java.util.Objects;

/**
 * The one person who follows the citizen across the plan (brief C10, alliance #6): an organisation
 * in the plan and a person there, chosen by the citizen or, on the citizen's behalf, by staff.
 *
 * @param person the case manager's name (as the organisation gives it)
 */
public record CaseManager(String organisationSor, String person, ChosenBy chosenBy, Instant at) {

  /** Who made the choice. */
  public enum ChosenBy {
    CITIZEN,
    STAFF
  }

  public CaseManager {
    Objects.requireNonNull(organisationSor, "organisationSor");
    Objects.requireNonNull(chosenBy, "chosenBy");
    Objects.requireNonNull(at, "at");
  }
}
