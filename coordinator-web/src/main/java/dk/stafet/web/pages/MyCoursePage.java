package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.NotificationClient;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.client.ResponsibilityClient;
import dk.stafet.web.i18n.Lang;
import dk.stafet.web.security.ServiceTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The patient's page {@code /my-course} ("mit forløb"). The CPR number is posted in a form body,
 * passed on to the services in request bodies only, and never put in a URL, a log line, a cookie or
 * the answer page.
 */
@Path("/my-course")
@Produces(MediaType.TEXT_HTML)
public class MyCoursePage {

  private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");

  private final ResponsibilityClient responsibility;
  private final ReferralClient referral;
  private final NotificationClient notification;
  private final ServiceTokens tokens;
  private final Template myCourse;

  public MyCoursePage(
      @RestClient ResponsibilityClient responsibility,
      @RestClient ReferralClient referral,
      @RestClient NotificationClient notification,
      ServiceTokens tokens,
      @Location("my-course.html") Template myCourse) {
    this.responsibility = responsibility;
    this.referral = referral;
    this.notification = notification;
    this.tokens = tokens;
    this.myCourse = myCourse;
  }

  @GET
  public TemplateInstance form(@RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return Page.of(myCourse, Lang.resolve(lang, cookie)).data("asked", false);
  }

  @POST
  public TemplateInstance answer(
      @RestForm String cpr, @RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    TemplateInstance page = Page.of(myCourse, Lang.resolve(lang, cookie)).data("asked", true);
    String digits = cpr == null ? "" : cpr.replace(" ", "").trim();
    if (!CPR.matcher(digits).matches()) {
      return page.data("invalid", true);
    }
    Api.CprBody body = new Api.CprBody(digits.replace("-", ""));
    // The portal's token acts for this one citizen (development: the issuer hands it out;
    // production: after MitID).
    String portal = portalToken(body.cpr());
    Fetched<Api.LookupAnswer> who = Fetched.of(() -> responsibility.lookup(portal, body));
    Fetched<Api.PatientOverview> overview = Fetched.of(() -> referral.lookup(portal, body));
    String patientKey =
        who.ok() ? who.value().patientKey() : overview.ok() ? overview.value().patientKey() : null;
    Fetched<List<Api.Referral>> referrals =
        overview.ok()
            ? new Fetched<>(
                overview.value().referrals() == null
                    ? List.of()
                    : overview.value().referrals().stream()
                        .sorted(
                            Comparator.comparing(
                                Api.Referral::receivedAt,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList(),
                "OK",
                null)
            : new Fetched<>(null, overview.outcome(), overview.code());
    Fetched<List<Api.Delivery>> messages =
        patientKey == null
            ? new Fetched<>(null, "NOT_FOUND", null)
            : Fetched.of(() -> notification.deliveries(portal, null, patientKey, 100));
    return page.data("invalid", false)
        .data("found", who.ok() || overview.ok())
        .data("who", who)
        .data("referrals", referrals)
        .data("messages", messages);
  }

  /**
   * The portal's token for this citizen, or null when the issuer is away (the services then refuse,
   * and the page says so).
   */
  private String portalToken(String cpr) {
    try {
      return tokens.portalFor(cpr);
    } catch (ProcessingException issuerUnavailable) {
      return null;
    }
  }
}
