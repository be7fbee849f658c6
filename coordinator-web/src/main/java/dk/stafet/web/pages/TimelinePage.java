package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.client.ResponsibilityClient;
import dk.stafet.web.i18n.Lang;
import dk.stafet.web.view.MessageThreads;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A patient's timeline {@code /patients/{patientKey}} (the pseudonym, never the CPR number): who
 * was responsible when and by which rule (the ledger), the handovers, who to call now, and the
 * messages sent about the patient with their acknowledgement state, and the messages received about
 * the patient with the acknowledgement Stafet answered, CareCommunications grouped by thread with
 * each reply or forward under the message it answers ({@link MessageThreads}).
 */
@RolesAllowed("COORDINATOR")
@Path("/patients/{patientKey}")
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

  /**
   * Pseudonyms are opaque tokens; anything else is not a patient key (and could be a CPR number:
   * refuse it).
   */
  private static final Pattern PATIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  private final ResponsibilityClient responsibility;
  private final ReferralClient referral;
  private final NotificationClient notification;
  private final Template timeline;

  @Inject PatientNames names;

  public TimelinePage(
      @RestClient ResponsibilityClient responsibility,
      @RestClient ReferralClient referral,
      @RestClient NotificationClient notification,
      @Location("timeline.html") Template timeline) {
    this.responsibility = responsibility;
    this.referral = referral;
    this.notification = notification;
    this.timeline = timeline;
  }

  /** The letters Stafet sent about the patient: a received reply may answer one of them. */
  private static Set<String> ourLetters(Fetched<List<Api.Delivery>> sent) {
    return sent.ok()
        ? sent.value().stream().map(Api.Delivery::messageHeaderId).collect(Collectors.toSet())
        : Set.of();
  }

  @GET
  public TemplateInstance page(
      @PathParam("patientKey") String patientKey,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie) {
    if (!PATIENT_KEY.matcher(patientKey).matches()) {
      throw new NotFoundException();
    }
    Fetched<Api.Ledger> ledger = Fetched.of(() -> responsibility.ledger(patientKey));
    // The history as it stands (current entries) first; entries corrected later are folded away
    // below it: kept for
    // audit, but a closed-off open-ended entry reappears as its corrected twin and would double
    // every row.
    List<Api.LedgerEntry> sorted =
        ledger.ok()
            ? ledger.value().entries().stream()
                .sorted(
                    Comparator.comparing(
                            Api.LedgerEntry::validFrom,
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Api.LedgerEntry::entryNo))
                .toList()
            : List.of();
    Fetched<List<Api.LedgerEntry>> entries =
        ledger.ok()
            ? new Fetched<>(sorted.stream().filter(Api.LedgerEntry::current).toList(), "OK", null)
            : new Fetched<>(null, ledger.outcome(), ledger.code());
    List<Api.LedgerEntry> corrected = sorted.stream().filter(e -> !e.current()).toList();
    Fetched<List<Api.Handover>> handovers =
        Fetched.of(
            () ->
                responsibility.handovers(null).stream()
                    .filter(h -> patientKey.equals(h.patientKey()))
                    .sorted(
                        Comparator.comparing(
                            Api.Handover::proposedAt,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList());
    Fetched<List<Api.Delivery>> sent =
        Fetched.of(() -> notification.deliveries(null, patientKey, 200));
    Fetched<List<Api.ReceivedMessage>> received =
        Fetched.of(() -> referral.receivedMessages(patientKey));
    return Page.of(timeline, Lang.resolve(lang, cookie))
        .data("patientKey", patientKey)
        .data("names", names.of(Stream.of(patientKey)))
        .data("referrals", Fetched.of(() -> referral.patientReferrals(patientKey)))
        .data("plans", Fetched.of(() -> responsibility.carePlans(patientKey)))
        .data("entries", entries)
        .data("corrected", corrected)
        .data("whoToCall", Fetched.of(() -> responsibility.whoToCall(patientKey)))
        .data("handovers", handovers)
        .data("sent", sent)
        .data("received", received)
        .data(
            "receivedThreads",
            received.ok() ? MessageThreads.of(received.value(), ourLetters(sent)) : List.of());
  }
}
