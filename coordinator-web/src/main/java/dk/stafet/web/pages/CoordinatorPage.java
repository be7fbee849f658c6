package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.i18n.Lang;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The coordinator's page {@code /}: patients without a named doctor, handovers waiting for an
 * answer, referrals near their maximum waiting time, unacknowledged and dead-lettered messages,
 * quarantined input, records a service could not apply (parked). Each section is also a fragment
 * that htmx polls every 5 s; each action answers the re-rendered section (or redirects without
 * htmx).
 */
@RolesAllowed("COORDINATOR")
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CoordinatorPage {

  private static final Set<String> AGREEMENT_CHANNELS = Set.of("ORAL", "ELECTRONIC", "WRITTEN");
  private static final int MAX_REASON = 1000;

  private final CoordinatorData data;
  private final PatientNames names;
  private final Template coordinator;
  private final Template attention;
  private final Template handovers;
  private final Template waiting;
  private final Template messages;
  private final Template quarantine;
  private final Template parked;
  private final Template validationAlarms;

  public CoordinatorPage(
      CoordinatorData data,
      PatientNames names,
      @Location("coordinator.html") Template coordinator,
      @Location("fragments/attention.html") Template attention,
      @Location("fragments/handovers.html") Template handovers,
      @Location("fragments/waiting.html") Template waiting,
      @Location("fragments/messages.html") Template messages,
      @Location("fragments/quarantine.html") Template quarantine,
      @Location("fragments/parked.html") Template parked,
      @Location("fragments/validation-alarms.html") Template validationAlarms) {
    this.data = data;
    this.names = names;
    this.coordinator = coordinator;
    this.attention = attention;
    this.handovers = handovers;
    this.waiting = waiting;
    this.messages = messages;
    this.quarantine = quarantine;
    this.parked = parked;
    this.validationAlarms = validationAlarms;
  }

  @GET
  public TemplateInstance page(@RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    TemplateInstance page = Page.of(coordinator, Lang.resolve(lang, cookie));
    attentionData(page);
    handoverData(page, null);
    waitingData(page);
    messageData(page, null);
    quarantineData(page, null);
    parkedData(page, null);
    validationAlarmData(page, null);
    return page;
  }

  @GET
  @Path("fragments/attention")
  public TemplateInstance attentionFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return attentionData(Page.of(attention, Lang.resolve(lang, cookie)));
  }

  @GET
  @Path("fragments/handovers")
  public TemplateInstance handoversFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return handoverData(Page.of(handovers, Lang.resolve(lang, cookie)), null);
  }

  @GET
  @Path("fragments/waiting")
  public TemplateInstance waitingFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return waitingData(Page.of(waiting, Lang.resolve(lang, cookie)));
  }

  @GET
  @Path("fragments/messages")
  public TemplateInstance messagesFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return messageData(Page.of(messages, Lang.resolve(lang, cookie)), null);
  }

  @GET
  @Path("fragments/quarantine")
  public TemplateInstance quarantineFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return quarantineData(Page.of(quarantine, Lang.resolve(lang, cookie)), null);
  }

  @GET
  @Path("fragments/parked")
  public TemplateInstance parkedFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return parkedData(Page.of(parked, Lang.resolve(lang, cookie)), null);
  }

  @GET
  @Path("fragments/validation-alarms")
  public TemplateInstance validationAlarmsFragment(
      @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return validationAlarmData(Page.of(validationAlarms, Lang.resolve(lang, cookie)), null);
  }

  @POST
  @Path("validation-alarms/{service}/{id}/acknowledge")
  public Response acknowledgeValidationAlarm(
      @PathParam("service") String service,
      @PathParam("id") long id,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    Flash flash = Flash.of("acknowledged", data.acknowledgeValidationAlarm(service, id));
    return answer(
        htmx,
        () -> validationAlarmData(Page.of(validationAlarms, Lang.resolve(lang, cookie)), flash));
  }

  @POST
  @Path("handovers/{id}/accept")
  public Response accept(
      @PathParam("id") String id,
      @RestForm String agreementChannel,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    String channel =
        agreementChannel != null && AGREEMENT_CHANNELS.contains(agreementChannel)
            ? agreementChannel
            : null;
    Optional<Api.Handover> handover = data.handover(id);
    Flash flash =
        handover
            .map(h -> Flash.of("accepted", data.accept(h, channel)))
            .orElse(Flash.error("HANDOVER_NOT_WAITING"));
    return answer(htmx, () -> handoverData(Page.of(handovers, Lang.resolve(lang, cookie)), flash));
  }

  @POST
  @Path("handovers/{id}/reject")
  public Response reject(
      @PathParam("id") String id,
      @RestForm String reason,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    String text =
        reason == null
            ? null
            : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    Optional<Api.Handover> handover = data.handover(id);
    Flash flash =
        handover
            .map(h -> Flash.of("rejected", data.reject(h, text)))
            .orElse(Flash.error("HANDOVER_NOT_WAITING"));
    return answer(htmx, () -> handoverData(Page.of(handovers, Lang.resolve(lang, cookie)), flash));
  }

  @POST
  @Path("deliveries/{messageHeaderId}/resend")
  public Response resend(
      @PathParam("messageHeaderId") String messageHeaderId,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    Flash flash = Flash.of("resent", data.resend(messageHeaderId));
    return answer(htmx, () -> messageData(Page.of(messages, Lang.resolve(lang, cookie)), flash));
  }

  @POST
  @Path("quarantine/{id}/replay")
  public Response replay(
      @PathParam("id") String id,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    Fetched<Api.ReplayResult> result = data.replay(id);
    Flash flash =
        result.ok()
            ? new Flash("replayed", result.value().disposition(), false)
            : Flash.of("replayed", result);
    return answer(
        htmx, () -> quarantineData(Page.of(quarantine, Lang.resolve(lang, cookie)), flash));
  }

  @POST
  @Path("parked/{service}/{id}/replay")
  public Response replayParked(
      @PathParam("service") String service,
      @PathParam("id") long id,
      @RestQuery String lang,
      @RestCookie(Lang.COOKIE) String cookie,
      @RestHeader("HX-Request") String htmx) {
    Flash flash = Flash.of("replayed", data.replayParked(service, id));
    return answer(htmx, () -> parkedData(Page.of(parked, Lang.resolve(lang, cookie)), flash));
  }

  /**
   * htmx gets the re-rendered section; a plain form post is redirected back to the page
   * (post/redirect/get).
   */
  private static Response answer(
      String htmx, java.util.function.Supplier<TemplateInstance> fragment) {
    if ("true".equals(htmx)) {
      return Response.ok(fragment.get(), MediaType.TEXT_HTML_TYPE).build();
    }
    return Response.seeOther(URI.create("/")).build();
  }

  private TemplateInstance attentionData(TemplateInstance t) {
    var list = data.attention();
    return t.data("attention", list)
        .data("names", names.inList(list, Api.Attention::patientKey))
        .data("kpis", list.ok() ? null : data.kpis());
  }

  private TemplateInstance handoverData(TemplateInstance t, Flash flash) {
    var list = data.waitingHandovers();
    return t.data("handovers", list)
        .data("names", names.inList(list, Api.Handover::patientKey))
        .data("flash", flash);
  }

  private TemplateInstance waitingData(TemplateInstance t) {
    var list = data.waitingTimeAttention();
    return t.data("waiting", list)
        .data("names", names.inList(list, Api.WaitingTimeReferral::patientKey));
  }

  private TemplateInstance messageData(TemplateInstance t, Flash flash) {
    var unacknowledged = data.unacknowledged();
    var deadLetters = data.deadLetters();
    return t.data("unacknowledged", unacknowledged)
        .data("deadLetters", deadLetters)
        .data(
            "names",
            names.of(
                Stream.concat(
                        unacknowledged.ok() ? unacknowledged.value().stream() : Stream.empty(),
                        deadLetters.ok() ? deadLetters.value().stream() : Stream.empty())
                    .map(Api.Delivery::patientKey)))
        .data("flash", flash);
  }

  private TemplateInstance parkedData(TemplateInstance t, Flash flash) {
    var list = data.parked();
    return t.data("parked", list)
        .data("names", names.inList(list, item -> item.record().patientKey()))
        .data("flash", flash);
  }

  private TemplateInstance validationAlarmData(TemplateInstance t, Flash flash) {
    return t.data("alarms", data.validationAlarms()).data("flash", flash);
  }

  private TemplateInstance quarantineData(TemplateInstance t, Flash flash) {
    return t.data("quarantine", data.quarantine()).data("flash", flash);
  }
}
