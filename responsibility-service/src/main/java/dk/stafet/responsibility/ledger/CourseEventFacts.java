package dk.stafet.responsibility.ledger;

import dk.stafet.contracts.events.CourseEvent;
import dk.stafet.responsibility.organisation.OrganisationDirectory;
import dk.stafet.responsibility.organisation.OrganisationInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a {@link CourseEvent} from stafet.course-events into the {@link FactRecord} the ledger
 * keeps: the CPR number and free-text details are left out, and the kinds of the organisations
 * named are resolved from the directory now.
 */
@ApplicationScoped
public class CourseEventFacts {

  /** Details that are free text (possibly clinical) and that no rule needs: not kept. */
  private static final Set<String> FREE_TEXT = Set.of("reason");

  private final OrganisationDirectory directory;

  public CourseEventFacts(OrganisationDirectory directory) {
    this.directory = directory;
  }

  public FactRecord toFact(CourseEvent event) {
    Map<String, String> details = new HashMap<>(event.details());
    details.keySet().removeAll(FREE_TEXT);
    Map<String, String> kinds = new HashMap<>();
    Stream.of(event.organisationSor(), event.counterpartSor(), event.detail("forwardedTo"))
        .filter(sor -> sor != null && !sor.isBlank())
        .forEach(
            sor ->
                directory
                    .bySor(sor)
                    .map(OrganisationInfo::kind)
                    .ifPresent(kind -> kinds.put(sor, kind.name())));
    return new FactRecord(
        event.eventId(),
        event.type().name(),
        event.occurredAt(),
        event.courseId(),
        event.organisationSor(),
        event.counterpartSor(),
        details,
        kinds);
  }
}
