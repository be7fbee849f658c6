package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ResponsibilityClient;
import dk.stafet.web.config.WebConfig;
import dk.stafet.web.i18n.Lang;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A patient's timeline {@code /patients/{patientKey}} (the pseudonym, never the CPR number): who was responsible when
 * and by which rule (the ledger), the handovers, who to call now, and the messages sent about the patient with their
 * acknowledgement state.
 */
@Path("/patients/{patientKey}")
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

  /** Pseudonyms are opaque tokens; anything else is not a patient key (and could be a CPR number: refuse it). */
  private static final Pattern PATIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  private final ResponsibilityClient responsibility;
  private final NotificationClient notification;
  private final String coordinator;
  private final Template timeline;

  public TimelinePage(@RestClient ResponsibilityClient responsibility, @RestClient NotificationClient notification,
      WebConfig config, @Location("timeline.html") Template timeline) {
    this.responsibility = responsibility;
    this.notification = notification;
    this.coordinator = config.coordinatorOrganisation();
    this.timeline = timeline;
  }

  @GET
  public TemplateInstance page(@PathParam("patientKey") String patientKey, @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie) {
    if (!PATIENT_KEY.matcher(patientKey).matches()) {
      throw new NotFoundException();
    }
    Fetched<Api.Ledger> ledger = Fetched.of(() -> responsibility.ledger(coordinator, patientKey));
    Fetched<List<Api.LedgerEntry>> entries = ledger.ok()
        ? new Fetched<>(ledger.value().entries().stream()
            .sorted(Comparator.comparing(Api.LedgerEntry::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Api.LedgerEntry::entryNo))
            .toList(), "OK", null)
        : new Fetched<>(null, ledger.outcome(), ledger.code());
    Fetched<List<Api.Handover>> handovers = Fetched.of(() -> responsibility.handovers(coordinator, null).stream()
        .filter(h -> patientKey.equals(h.patientKey()))
        .sorted(Comparator.comparing(Api.Handover::proposedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList());
    return Page.of(timeline, Lang.resolve(lang, cookie))
        .data("patientKey", patientKey)
        .data("entries", entries)
        .data("whoToCall", Fetched.of(() -> responsibility.whoToCall(coordinator, patientKey)))
        .data("handovers", handovers)
        .data("sent", Fetched.of(() -> notification.deliveries(coordinator, null, patientKey, 200)));
  }
}
